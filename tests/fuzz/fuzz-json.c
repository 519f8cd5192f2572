/* fuzz-json.c: libFuzzer harness for wenda_bank_load_json(), the JSON bank
 * loader: its pre-scan and its walk of the tree.  json-glib itself is not
 * instrumented, so coverage comes from our code only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_json)
