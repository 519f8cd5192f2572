/* wenda-core-types.c: libwenda's shared enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-core-types.h"

G_DEFINE_ENUM_TYPE (WendaLanguage, wenda_language,
  G_DEFINE_ENUM_VALUE (WENDA_LANGUAGE_ZH, "zh"),
  G_DEFINE_ENUM_VALUE (WENDA_LANGUAGE_EN, "en"))

G_DEFINE_ENUM_TYPE (WendaContentMode, wenda_content_mode,
  G_DEFINE_ENUM_VALUE (WENDA_CONTENT_MODE_ZH, "zh"),
  G_DEFINE_ENUM_VALUE (WENDA_CONTENT_MODE_EN, "en"),
  G_DEFINE_ENUM_VALUE (WENDA_CONTENT_MODE_BOTH, "both"))

G_DEFINE_ENUM_TYPE (WendaStudyFilter, wenda_study_filter,
  G_DEFINE_ENUM_VALUE (WENDA_STUDY_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (WENDA_STUDY_FILTER_STARRED, "starred"),
  G_DEFINE_ENUM_VALUE (WENDA_STUDY_FILTER_DUE, "due"),
  G_DEFINE_ENUM_VALUE (WENDA_STUDY_FILTER_NEW, "new"))

/* The language tag for Pango and the accessibility tree: zh-CN makes Pango
 * pick Simplified Chinese glyphs whatever the locale. */
const char *
wenda_language_to_bcp47 (WendaLanguage language)
{
  switch (language)
    {
    case WENDA_LANGUAGE_ZH:
      return "zh-cn";

    case WENDA_LANGUAGE_EN:
      return "en";

    default:
      g_return_val_if_reached ("zh-cn");
    }
}

gboolean
wenda_content_mode_from_nick (const char       *nick,
                              WendaContentMode *mode)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WENDA_TYPE_CONTENT_MODE);
  GEnumValue *value;

  g_return_val_if_fail (mode != NULL, FALSE);

  if (nick == NULL || !(value = g_enum_get_value_by_nick (klass, nick)))
    return FALSE;

  *mode = value->value;
  return TRUE;
}

const char *
wenda_content_mode_to_nick (WendaContentMode mode)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WENDA_TYPE_CONTENT_MODE);
  GEnumValue *value = g_enum_get_value (klass, mode);

  g_return_val_if_fail (value != NULL, "zh");

  return value->value_nick;
}
