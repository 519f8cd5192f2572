/* wenda-types.h: forward declarations of the app's types
 *
 * Headers of src/wenda/ that only name another of its types include this
 * rather than that type's header, so that no two headers include each
 * other (the application makes windows, a window knows nothing of the
 * application).  It brings libwenda's types and enums along.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wenda-core-types.h"

G_BEGIN_DECLS

typedef struct _WendaApplication  WendaApplication;
typedef struct _WendaWindow       WendaWindow;
typedef struct _WendaSidebar      WendaSidebar;
typedef struct _WendaDetailView   WendaDetailView;
typedef struct _WendaStudyView    WendaStudyView;
typedef struct _WendaProgressView WendaProgressView;
typedef struct _WendaTermView     WendaTermView;
typedef struct _WendaTopicRow     WendaTopicRow;
typedef struct _WendaBarChart     WendaBarChart;

G_END_DECLS
