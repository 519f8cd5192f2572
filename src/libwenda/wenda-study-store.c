/* wenda-study-store.c: study progress and stars, kept in a versioned file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store holds the stars, the cards and the review log in memory,
 * hands them out and takes changes, with a signal for each, and saves the
 * whole of it after each change the app makes.  The file itself (its
 * format, the checks, saving atomically, keeping a damaged file) is
 * wenda-study-file.c's; the statistics are wenda-study-stats.c's. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wenda-study-file-private.h"
#include "wenda-study-stats-private.h"
#include "wenda-study-store.h"

#define FILE_NAME "study.json"

/* Why the store does not write */
typedef enum
{
  READ_ONLY_NONE,
  READ_ONLY_NOT_LOADED,
  READ_ONLY_UNREADABLE,
  READ_ONLY_FUTURE_VERSION,
  READ_ONLY_NOT_KEPT,
} ReadOnlyReason;

/* The object {{{ */

struct _WendaStudyStore
{
  GObject          parent_instance;

  char            *path;
  char            *kept_path;
  WendaStudyState  state;
  ReadOnlyReason   read_only;
};

G_DEFINE_FINAL_TYPE (WendaStudyStore, wenda_study_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KEPT_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wenda_study_store_finalize (GObject *object)
{
  WendaStudyStore *self = (WendaStudyStore *)object;

  wenda_study_state_clear (&self->state);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->kept_path, g_free);

  G_OBJECT_CLASS (wenda_study_store_parent_class)->finalize (object);
}

static void
wenda_study_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WendaStudyStore *self = WENDA_STUDY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_KEPT_PATH:
      g_value_set_string (value, self->kept_path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, wenda_study_store_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_study_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WendaStudyStore *self = WENDA_STUDY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_study_store_class_init (WendaStudyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_study_store_finalize;
  object_class->get_property = wenda_study_store_get_property;
  object_class->set_property = wenda_study_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Where load() put a damaged file, or NULL */
  properties[PROP_KEPT_PATH] =
    g_param_spec_string ("kept-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WendaStudyStore::changed:
   * @id: the item whose card or star changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * WendaStudyStore::reset:
   *
   * The whole state was replaced, by load().
   */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wenda_study_store_init (WendaStudyStore *self)
{
  wenda_study_state_init (&self->state);

  /* Until load(): saving now would replace the file with nothing */
  self->read_only = READ_ONLY_NOT_LOADED;
}

static void
set_read_only (WendaStudyStore *self,
               ReadOnlyReason   reason)
{
  gboolean was_read_only = self->read_only != READ_ONLY_NONE;

  self->read_only = reason;

  if (was_read_only != (reason != READ_ONLY_NONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
set_kept_path (WendaStudyStore *self,
               char            *kept_path)
{
  if (g_strcmp0 (self->kept_path, kept_path) == 0)
    {
      g_free (kept_path);
      return;
    }

  g_free (self->kept_path);
  self->kept_path = kept_path;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_PATH]);
}

/**
 * wenda_study_store_default_path:
 *
 * Returns: (transfer full): g_get_user_data_dir()/@app_id/study.json
 */
char *
wenda_study_store_default_path (const char *app_id)
{
  g_return_val_if_fail (app_id != NULL && app_id[0] != '\0', NULL);

  return g_build_filename (g_get_user_data_dir (), app_id, FILE_NAME, NULL);
}

/**
 * wenda_study_store_new:
 * @path: the study file
 *
 * A store with no state, read-only until wenda_study_store_load().
 */
WendaStudyStore *
wenda_study_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);

  return g_object_new (WENDA_TYPE_STUDY_STORE, "path", path, NULL);
}

const char *
wenda_study_store_get_path (WendaStudyStore *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), NULL);

  return self->path;
}

/* Where the last load() put a damaged file; NULL if it did not. */
const char *
wenda_study_store_get_kept_path (WendaStudyStore *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), NULL);

  return self->kept_path;
}

gboolean
wenda_study_store_get_read_only (WendaStudyStore *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), TRUE);

  return self->read_only != READ_ONLY_NONE;
}

/* }}} */

/* Loading and saving {{{ */

/**
 * wenda_study_store_load:
 *
 * Reads the file, replacing the state in memory, and emits "reset" (also
 * when it fails).  See the header for the outcomes, and the top of
 * wenda-study-file.c for the format and what counts as damage.
 */
gboolean
wenda_study_store_load (WendaStudyStore  *self,
                        GError          **error)
{
  WendaStudyFileResult result;
  g_autofree char *kept_path = NULL;

  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_object_freeze_notify (G_OBJECT (self));

  wenda_study_state_clear (&self->state);
  wenda_study_state_init (&self->state);
  set_kept_path (self, NULL);
  set_read_only (self, READ_ONLY_NONE);

  result = wenda_study_file_load (self->path, &self->state, &kept_path, error);
  switch (result)
    {
    case WENDA_STUDY_FILE_READ:
      break;

    case WENDA_STUDY_FILE_UNREADABLE:
      set_read_only (self, READ_ONLY_UNREADABLE);
      break;

    case WENDA_STUDY_FILE_NEWER:
      set_read_only (self, READ_ONLY_FUTURE_VERSION);
      break;

    case WENDA_STUDY_FILE_KEPT:
      set_kept_path (self, g_steal_pointer (&kept_path));
      break;

    case WENDA_STUDY_FILE_NOT_KEPT:
    default:
      set_read_only (self, READ_ONLY_NOT_KEPT);
      break;
    }

  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[RESET], 0);

  return result == WENDA_STUDY_FILE_READ;
}

static gboolean
set_read_only_error (WendaStudyStore  *self,
                     GError          **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  switch (self->read_only)
    {
    case READ_ONLY_NOT_LOADED:
      g_set_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY,
                   _("Study progress is not saved to “%s”: it was not read first"),
                   display);
      break;

    case READ_ONLY_FUTURE_VERSION:
      g_set_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY,
                   _("Study progress is not saved: “%s” is from a newer version of Wenda"),
                   display);
      break;

    case READ_ONLY_UNREADABLE:
    case READ_ONLY_NOT_KEPT:
    case READ_ONLY_NONE:
    default:
      g_set_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY,
                   _("Study progress is not saved: “%s” could not be read"),
                   display);
      break;
    }

  return FALSE;
}

/**
 * wenda_study_store_save:
 *
 * Writes the whole state: see "Saving" at the top of wenda-study-file.c.
 */
gboolean
wenda_study_store_save (WendaStudyStore  *self,
                        GError          **error)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only != READ_ONLY_NONE)
    return set_read_only_error (self, error);

  return wenda_study_file_save (self->path, &self->state, error);
}

/* }}} */

/* Cards, stars and the log {{{ */

static gboolean
card_equal (const WendaCard *a,
            const WendaCard *b)
{
  return a->state == b->state &&
         a->step == b->step &&
         a->stability == b->stability &&
         a->difficulty == b->difficulty &&
         a->due == b->due &&
         a->last_review == b->last_review &&
         a->reps == b->reps &&
         a->lapses == b->lapses;
}

void
wenda_study_store_get_card (WendaStudyStore *self,
                            const char      *id,
                            WendaCard       *card)
{
  const WendaCard *stored;

  g_return_if_fail (WENDA_IS_STUDY_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (card != NULL);

  stored = g_hash_table_lookup (self->state.cards, id);
  if (stored != NULL)
    *card = *stored;
  else
    wenda_card_init (card);
}

/* Emits "changed" when the card is not the one stored already. */
void
wenda_study_store_set_card (WendaStudyStore *self,
                            const char      *id,
                            const WendaCard *card)
{
  const WendaCard *stored;

  g_return_if_fail (WENDA_IS_STUDY_STORE (self));
  g_return_if_fail (wenda_study_id_is_valid (id));
  g_return_if_fail (card != NULL);
  g_return_if_fail (wenda_study_card_is_valid (card));

  stored = g_hash_table_lookup (self->state.cards, id);
  if (stored != NULL && card_equal (stored, card))
    return;

  wenda_study_state_set_card (&self->state, id, card);
  g_signal_emit (self, signals[CHANGED], 0, id);
}

gboolean
wenda_study_store_get_starred (WendaStudyStore *self,
                               const char      *id)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->state.starred, id);
}

/* Emits "changed" when the star changes. */
void
wenda_study_store_set_starred (WendaStudyStore *self,
                               const char      *id,
                               gboolean         starred)
{
  g_return_if_fail (WENDA_IS_STUDY_STORE (self));
  g_return_if_fail (wenda_study_id_is_valid (id));

  if (!!starred == g_hash_table_contains (self->state.starred, id))
    return;

  if (starred)
    g_hash_table_add (self->state.starred, (gpointer)wenda_study_state_intern (&self->state, id));
  else
    g_hash_table_remove (self->state.starred, id);

  g_signal_emit (self, signals[CHANGED], 0, id);
}

guint
wenda_study_store_get_n_reviews (WendaStudyStore *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), 0);

  return self->state.log->len;
}

/**
 * wenda_study_store_get_review:
 * @position: from 0, oldest first
 *
 * Returns: (transfer none): the entry, valid until the next load()
 */
const WendaStudyLogEntry *
wenda_study_store_get_review (WendaStudyStore *self,
                              guint            position)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (position < self->state.log->len, NULL);

  return g_ptr_array_index (self->state.log, position);
}

/* The FSRS fuzz of a grade must not change when the same grade is
 * computed again (a preview and then the grade), but must differ between
 * items and between reviews of one item. */
static guint32
fuzz_seed (const char *id,
           guint       reps)
{
  return g_str_hash (id) ^ (guint32)(reps * 2654435761u);
}

gboolean
wenda_study_store_grade (WendaStudyStore       *self,
                         const WendaScheduler  *scheduler,
                         const char            *id,
                         WendaRating            rating,
                         gint64                 now,
                         WendaCard             *out_card,
                         GError               **error)
{
  WendaCard card;
  WendaCard graded;
  WendaReview review;

  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (scheduler != NULL, FALSE);
  g_return_val_if_fail (wenda_study_id_is_valid (id), FALSE);
  g_return_val_if_fail (wenda_study_rating_is_valid (rating), FALSE);
  g_return_val_if_fail (wenda_study_time_is_valid (now), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  wenda_study_store_get_card (self, id, &card);
  wenda_scheduler_review (scheduler, &card, rating, now, fuzz_seed (id, card.reps),
                          &graded, &review);

  /* Storing a card or a review the file cannot hold would make the next
   * load throw away everything: a bug in the scheduler must stop here */
  if (!wenda_study_card_is_valid (&graded) || !wenda_study_review_is_valid (&review))
    {
      /* The log is for developers and stays in English; the error is shown */
      g_critical ("The scheduler made a card or review that cannot be saved (“%s”)", id);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           /* Translators: a bug, shown instead of saving a grade */
                           _("The scheduler made a card or review that cannot be saved"));
      return FALSE;
    }

  wenda_study_state_set_card (&self->state, id, &graded);
  wenda_study_state_append_review (&self->state, id, &review);

  if (out_card != NULL)
    *out_card = graded;

  g_signal_emit (self, signals[CHANGED], 0, id);

  return wenda_study_store_save (self, error);
}

/* }}} */

/* Statistics {{{ */

void
wenda_study_store_count (WendaStudyStore   *self,
                         const char *const *ids,
                         gsize              n_ids,
                         gint64             now,
                         WendaStudyCounts  *counts)
{
  g_return_if_fail (WENDA_IS_STUDY_STORE (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (counts != NULL);

  wenda_study_stats_count (&self->state, ids, n_ids, now, counts);
}

void
wenda_study_store_due_per_day (WendaStudyStore   *self,
                               const char *const *ids,
                               gsize              n_ids,
                               gint64             now,
                               GTimeZone         *tz,
                               guint             *out,
                               guint              n_days)
{
  g_return_if_fail (WENDA_IS_STUDY_STORE (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (out != NULL || n_days == 0);

  wenda_study_stats_due_per_day (&self->state, ids, n_ids, now, tz, out, n_days);
}

void
wenda_study_store_reviews_per_day (WendaStudyStore *self,
                                   gint64           now,
                                   GTimeZone       *tz,
                                   guint           *out,
                                   guint            n_days)
{
  g_return_if_fail (WENDA_IS_STUDY_STORE (self));
  g_return_if_fail (out != NULL || n_days == 0);

  wenda_study_stats_reviews_per_day (&self->state, now, tz, out, n_days);
}

double
wenda_study_store_retention (WendaStudyStore *self,
                             gint64           now,
                             guint            days,
                             guint           *n_reviews)
{
  g_return_val_if_fail (WENDA_IS_STUDY_STORE (self), -1);

  return wenda_study_stats_retention (&self->state, now, days, n_reviews);
}

/* }}} */
