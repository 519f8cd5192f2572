/* fuzz-import.c: libFuzzer harness for wenda_import_parse(), the lenient
 * importer, in each format: Markdown, JSON, and by content, cancelled or
 * not (see fuzz_run_import())
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
  fuzz_run_import ((const char *)data, size);
  return 0;
}
