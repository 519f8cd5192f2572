/* wenda-text-check.c: the checks of a text that every reader makes (UTF-8,
 * no NUL, a BOM), where a byte is as a line and a column, and the
 * "FILE:LINE:COLUMN: message" errors of WENDA_BANK_ERROR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The readers (wenda-markdown.c, wenda-bank-loader.c, wenda-import.c), the
 * items (wenda-qa-item.c folds text for search) and the study file all
 * need these, so they sit below all of them and use nothing of theirs. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wenda-text-check-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

G_DEFINE_QUARK (wenda-bank-error-quark, wenda_bank_error)

/* Errors {{{ */

/* Sets @error to "FILE:LINE:COLUMN: message", like a compiler's
 * diagnostic, the column left out when it is 0, and the line too when it
 * is 0.  The study file's errors are made here too. */
void
wenda_text_set_error_valist (GError     **error,
                             GQuark       domain,
                             int          code,
                             const char  *filename,
                             guint        line,
                             guint        column,
                             const char  *format,
                             va_list      args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (line > 0 && column > 0)
    g_set_error (error, domain, code, "%s:%u:%u: %s", filename, line, column, message);
  else if (line > 0)
    g_set_error (error, domain, code, "%s:%u: %s", filename, line, message);
  else
    g_set_error (error, domain, code, "%s: %s", filename, message);
}

void
wenda_bank_set_error (GError         **error,
                      WendaBankError   code,
                      const char      *filename,
                      guint            line,
                      guint            column,
                      const char      *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  wenda_text_set_error_valist (error, WENDA_BANK_ERROR, code, filename ? filename : "<input>",
                               MAX (line, 1), column, format, args);
  va_end (args);
}

/* The text of an error that wenda_bank_set_error() set for @filename,
 * without its "FILE:LINE[:COLUMN]: " (for a report that shows the line
 * apart). */
const char *
wenda_bank_error_text (const GError *error,
                       const char   *filename)
{
  const char *p = error->message;
  gsize n;

  if (filename == NULL)
    filename = "<input>";
  n = strlen (filename);

  if (strncmp (p, filename, n) != 0 || p[n] != ':' || !g_ascii_isdigit (p[n + 1]))
    return error->message;

  for (p += n + 1; g_ascii_isdigit (*p) || *p == ':'; p++)
    ;

  return *p == ' ' ? p + 1 : error->message;
}

/* }}} */

/* Text {{{ */

gsize
wenda_text_skip_bom (const char *text,
                     gsize       length)
{
  if (length >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    return 3;

  return 0;
}

/* Whether a file's @name ends with @suffix (".json"), in any case */
gboolean
wenda_name_has_suffix (const char *name,
                       const char *suffix)
{
  gsize n = strlen (name);
  gsize m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

/**
 * wenda_text_locate:
 * @offset: a byte offset into @text; the bytes before it are valid UTF-8
 * @cr_ends_line: whether a lone CR ends a line (Markdown) or not (JSON,
 *   where json-glib counts LF only)
 *
 * Finds the 1-based line and column (in characters) of @offset.
 */
void
wenda_text_locate (const char *text,
                   gsize       offset,
                   gboolean    cr_ends_line,
                   guint      *line,
                   guint      *column)
{
  gsize line_start = 0;
  guint n = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          n++;
          line_start = i + 1;
        }
      else if (text[i] == '\r' && cr_ends_line)
        {
          if (i + 1 < offset && text[i + 1] == '\n')
            i++;
          n++;
          line_start = i + 1;
        }
    }

  *line = n;
  *column = g_utf8_strlen (text + line_start, offset - line_start) + 1;
}

/* Whether @text is valid UTF-8 with no NUL byte: exactly what
 * g_utf8_validate_len() accepts (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), about 1.5× as fast on a bank's
 * text.  Runs of ASCII go 8 bytes at a time, and the CJK ideographs
 * (3 bytes, lead byte E1–EC or EE–EF) take the first test. */
static gboolean
utf8_valid (const char *text,
            gsize       length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guchar *p = (const guchar *)text;
  const guchar *end;

  if (length == 0)
    return TRUE;  /* @text may be NULL then */

  end = p + length;
  while (p < end)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          if (c == 0)
            return FALSE;
          p++;

          /* 8 bytes with no high bit and no zero byte */
          while (end - p >= 8)
            {
              guint64 v;

              memcpy (&v, p, 8);
              if (((v | ((v - ones) & ~v)) & highs) != 0)
                break;
              p += 8;
            }
        }
      else if (c >= 0xE1 && c <= 0xEF && c != 0xED)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return FALSE;
          p += 3;
        }
      else if (c >= 0xC2 && c <= 0xDF)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c == 0xE0 || c == 0xED)
        {
          /* E0: no overlong form (A0–BF); ED: no surrogate (80–9F) */
          if (end - p < 3 || (p[2] & 0xC0) != 0x80 ||
              (c == 0xE0 ? (p[1] < 0xA0 || p[1] > 0xBF) : (p[1] < 0x80 || p[1] > 0x9F)))
            return FALSE;
          p += 3;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          /* F0: no overlong form (90–BF); F4: at most U+10FFFF (80–8F) */
          if (end - p < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80 ||
              (c == 0xF0 ? (p[1] < 0x90 || p[1] > 0xBF) :
               c == 0xF4 ? (p[1] < 0x80 || p[1] > 0x8F) :
                           (p[1] & 0xC0) != 0x80))
            return FALSE;
          p += 4;
        }
      else
        {
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  const char *text;
  gsize       length;
} Half;

static gpointer
validate_half (gpointer data)
{
  Half *half = data;

  return GINT_TO_POINTER (utf8_valid (half->text, half->length));
}

/* Above this, the second half is validated in a thread of its own */
#define PARALLEL_VALIDATE_SIZE (4 * 1024 * 1024)

/**
 * wenda_utf8_validate:
 *
 * Whether @text is valid UTF-8 with no NUL byte, as g_utf8_validate_len()
 * decides, with the work split over two threads for a large text.
 */
gboolean
wenda_utf8_validate (const char *text,
                     gsize       length)
{
  Half second;
  GThread *thread;
  gsize split;
  gboolean first_valid;

  if (length < PARALLEL_VALIDATE_SIZE)
    return utf8_valid (text, length);

  /* Split before a character, not inside one.  Four continuation bytes
   * in a row are invalid anyway, and the second half says so. */
  split = length / 2;
  for (guint i = 0; i < 3 && ((guchar)text[split] & 0xC0) == 0x80; i++)
    split--;

  second = (Half) { text + split, length - split };
  thread = g_thread_try_new ("wenda-validate", validate_half, &second, NULL);
  if (thread == NULL)
    return utf8_valid (text, length);

  first_valid = utf8_valid (text, split);

  return GPOINTER_TO_INT (g_thread_join (thread)) && first_valid;
}

/**
 * wenda_text_validate:
 *
 * Refuses NUL bytes and invalid UTF-8, naming the line and column of the
 * first bad byte.  Both are %WENDA_BANK_ERROR_INVALID_UTF8: the file is not
 * text.
 */
gboolean
wenda_text_validate (const char  *text,
                     gsize        length,
                     const char  *filename,
                     gboolean     cr_ends_line,
                     GError     **error)
{
  const char *bad = NULL;
  guint line, column;

  if (wenda_utf8_validate (text, length))
    return TRUE;

  /* Where: g_utf8_validate_len() stops at a NUL byte too */
  if (g_utf8_validate_len (text, length, &bad))
    return TRUE;  /* not reached: both agree */

  wenda_text_locate (text, bad - text, cr_ends_line, &line, &column);

  if (*bad == '\0')
    wenda_bank_set_error (error, WENDA_BANK_ERROR_INVALID_UTF8, filename, line, column,
                          _("NUL byte: this is not a text file"));
  else
    wenda_bank_set_error (error, WENDA_BANK_ERROR_INVALID_UTF8, filename, line, column,
                          _("invalid UTF-8 (byte 0x%02X): save the file as UTF-8"),
                          (guint)(guchar)*bad);

  return FALSE;
}

/* }}} */
