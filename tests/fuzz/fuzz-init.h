/* fuzz-init.h: the set-up every libFuzzer harness shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* A critical or a warning is a bug the fuzzer found: abort, so libFuzzer
 * saves the input.  GLib reads G_SLICE before any code of ours runs, so
 * it cannot be set here; tests/fuzz/run.sh sets it. */
static inline void
fuzz_init (void)
{
  const char *slice = g_getenv ("G_SLICE");

  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (slice == NULL || strstr (slice, "always-malloc") == NULL)
    fprintf (stderr, "warning: G_SLICE=always-malloc is not set: GLib's slice "
                     "allocator hides leaks and use-after-free from ASan\n");
}

/* The two entry points of a harness that feeds each input to @run, a
 * fuzz_run_*() of fuzz-common.h: the exact bytes, not NUL-terminated, so
 * ASan sees any read past the end */
#define FUZZ_DEFINE_HARNESS(run)                                              \
  int                                                                         \
  LLVMFuzzerInitialize (int    *argc,                                         \
                        char ***argv)                                         \
  {                                                                           \
    fuzz_init ();                                                             \
    return 0;                                                                 \
  }                                                                           \
                                                                              \
  int                                                                         \
  LLVMFuzzerTestOneInput (const guint8 *data,                                 \
                          size_t        size)                                 \
  {                                                                           \
    run ((const char *)data, size);                                           \
    return 0;                                                                 \
  }

G_END_DECLS
