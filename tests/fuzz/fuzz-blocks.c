/* fuzz-blocks.c: libFuzzer harness for the md4c block layer (wenda-md-blocks.c), the plain
 * text search reads, and the images of a text with the names they get in a bank's folder
 * (wenda-media.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_blocks)
