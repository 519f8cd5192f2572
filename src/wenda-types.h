/* wenda-types.h: forward declarations and shared enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _WendaQaItem WendaQaItem;
typedef struct _WendaBank   WendaBank;

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
} WendaBankError;

GQuark wenda_bank_error_quark (void);

G_END_DECLS
