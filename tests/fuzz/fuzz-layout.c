/* fuzz-layout.c: libFuzzer harness for the layout detector and readers of wenda-layout.c, through wenda_import_parse_full() with
 * every layout and level a preview offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_layout)
