/* fuzz-import.c: libFuzzer harness for wenda_import_parse(), the lenient
 * importer, in each format: Markdown, JSON, and by content, cancelled or
 * not (see fuzz_run_import())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_import)
