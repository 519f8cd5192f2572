/* fuzz-markdown.c: libFuzzer harness for wenda_markdown_parse(), the strict
 * Markdown reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_markdown)
