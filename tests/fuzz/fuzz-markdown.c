/* fuzz-markdown.c: libFuzzer harness for wenda_markdown_parse(), the strict
 * Markdown reader
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
  fuzz_run_markdown ((const char *)data, size);
  return 0;
}
