/* fuzz-blocks.c: libFuzzer harness for the md4c block layer (wenda-md-blocks.c) and the plain
 * text search reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_blocks)
