/* fuzz-json.c: libFuzzer harness for wenda_bank_load_json(), the JSON bank
 * loader: its pre-scan and its walk of the tree.  json-glib itself is not
 * instrumented, so coverage comes from our code only.
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
  fuzz_run_json ((const char *)data, size);
  return 0;
}
