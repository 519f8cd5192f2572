/* fuzz-rich.c: libFuzzer harness for the reading pane's tree of an answer's Markdown
 * (wenda-rich.c): blocks, inline spans and images, Pango markup, plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-init.h"

FUZZ_DEFINE_HARNESS (fuzz_run_rich)
