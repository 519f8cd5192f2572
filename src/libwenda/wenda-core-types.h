/* wenda-core-types.h: libwenda's forward declarations and shared enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _WendaQaItem WendaQaItem;
typedef struct _WendaBank   WendaBank;
typedef struct _WendaSection WendaSection;

#define WENDA_BANK_ERROR (wenda_bank_error_quark ())

/**
 * WendaBankError:
 * Errors from reading a question bank (Markdown or JSON).  Every message
 * starts with "FILE:LINE:" (and "COLUMN:" where one is known), like a
 * compiler diagnostic.
 */
typedef enum
{
  WENDA_BANK_ERROR_INVALID_UTF8,      /* the bytes are not UTF-8 */
  WENDA_BANK_ERROR_SYNTAX,            /* not well-formed Markdown/JSON */
  WENDA_BANK_ERROR_STRUCTURE,         /* well-formed, but not a bank */
  WENDA_BANK_ERROR_MISSING_FIELD,     /* an item lacks a required field */
  WENDA_BANK_ERROR_WRONG_TYPE,        /* a field has the wrong JSON type */
  WENDA_BANK_ERROR_DUPLICATE,         /* two items share a number or id */
  WENDA_BANK_ERROR_EMPTY,             /* no items at all */
  WENDA_BANK_ERROR_UNSUPPORTED_VERSION,
  WENDA_BANK_ERROR_TOO_LARGE,         /* over WENDA_IMPORT_MAX_SIZE */
  WENDA_BANK_ERROR_NOT_TEXT,          /* a binary file (wenda-import.c) */
} WendaBankError;

GQuark wenda_bank_error_quark (void);

/**
 * WendaLanguage:
 * The two languages of the content: the Chinese source and its English
 * rendering.
 */
typedef enum
{
  WENDA_LANGUAGE_ZH,
  WENDA_LANGUAGE_EN,
} WendaLanguage;

/**
 * WendaContentMode:
 * How the content is shown: in Chinese, in English, or both, paragraph by
 * paragraph.  The nicks are the values of the "content-mode" setting and of
 * `wenda --language`.
 */
typedef enum
{
  WENDA_CONTENT_MODE_ZH,
  WENDA_CONTENT_MODE_EN,
  WENDA_CONTENT_MODE_BOTH,
} WendaContentMode;

/**
 * WendaQaField:
 * The three texts of an item.
 */
typedef enum
{
  WENDA_QA_FIELD_QUESTION,
  WENDA_QA_FIELD_ANSWER,
  WENDA_QA_FIELD_EXPLANATION,
} WendaQaField;

/**
 * WendaStudyFilter:
 * Which topics the list shows, besides the search: all of them, the
 * starred ones, those due for review, or those never studied.  The nicks
 * are the targets of the win.study-filter action.
 */
typedef enum
{
  WENDA_STUDY_FILTER_ALL,
  WENDA_STUDY_FILTER_STARRED,
  WENDA_STUDY_FILTER_DUE,
  WENDA_STUDY_FILTER_NEW,
} WendaStudyFilter;

#define WENDA_TYPE_LANGUAGE     (wenda_language_get_type ())
#define WENDA_TYPE_STUDY_FILTER (wenda_study_filter_get_type ())
#define WENDA_TYPE_CONTENT_MODE (wenda_content_mode_get_type ())

GType        wenda_language_get_type          (void);
GType        wenda_content_mode_get_type      (void);
GType        wenda_study_filter_get_type      (void);
const char  *wenda_language_to_bcp47         (WendaLanguage     language);
gboolean     wenda_content_mode_from_nick     (const char       *nick,
                                               WendaContentMode *mode);
const char  *wenda_content_mode_to_nick       (WendaContentMode  mode);

G_END_DECLS
