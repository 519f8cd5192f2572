/* fuzz-csv.c: libFuzzer harness for the CSV reader (wenda-csv.c), through
 * wenda_import_parse_full() with the delimiter, header and columns a
 * preview may choose, and the Anki export read back (see fuzz_run_csv())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_csv)
