/* fuzz-blocks.c: libFuzzer harness for the md4c block layer (wenda-md-blocks.c) and the plain
 * text search reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* The exact bytes, not NUL-terminated: ASan sees any read past the end */
  fuzz_run_blocks ((const char *)data, size);
  return 0;
}
