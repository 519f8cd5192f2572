/* fuzz-glossary.c: libFuzzer harness for the glossary (wenda-glossary.c,
 * wenda-glossary-gloss.c): the terms a bank's text glosses, who defines
 * them, and the links of every field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_glossary)
