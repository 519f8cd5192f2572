/* test-study-store.c: the study file, its damage and its statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each test works in a folder of its own made by g_dir_make_tmp() and
 * removed afterwards.  The crash test runs tests/unit/study-writer.c,
 * whose path is in WENDA_STUDY_WRITER (tests/meson.build). */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenda-study-store.h"

#include "study-crash.h"
#include "test-util.h"

#define MINUTE  G_GINT64_CONSTANT (60)
#define HOUR    (60 * MINUTE)
#define DAY     (24 * HOUR)

/* Helpers {{{ */

typedef struct
{
  char *dir;
  char *path;    /* DIR/study.json, not there at first */
} Fixture;

/* Removes @path and all it holds, making folders writable first (some
 * tests take the write permission away). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wenda-study-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "study.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  unit_remove_all (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
  wenda_clock_set_func (NULL, NULL);
}

static gint64
iso (const char *text)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (datetime);
  return g_date_time_to_unix (datetime);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
copy_fixture (const char *name,
              const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  data = unit_read_fixture (name, &length);
  write_bytes (path, data, length);
}

static gboolean
exists (const char *path)
{
  GStatBuf buf;

  return g_lstat (path, &buf) == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted and joined by spaces, are @expected */
static void
assert_dir_is (const char *dir,
               const char *expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  joined = g_strjoinv (" ", (char **)names->pdata);
  g_assert_cmpstr (joined, ==, expected);
}

static WendaStudyStore *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  WendaStudyStore *store = wenda_study_store_new (path);

  g_assert_true (wenda_study_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_false (wenda_study_store_get_read_only (store));
  g_assert_null (wenda_study_store_get_kept_path (store));

  return store;
}

static void
save_ok (WendaStudyStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wenda_study_store_save (store, &error));
  g_assert_no_error (error);
}

/* Same bits, not only ==: the file must give back the very doubles */
static void
assert_same_double (double a,
                    double b)
{
  if (memcmp (&a, &b, sizeof a) != 0)
    g_error ("%.17g and %.17g differ", a, b);
}

static void
assert_card_equal (const WendaCard *a,
                   const WendaCard *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpuint (a->step, ==, b->step);
  assert_same_double (a->stability, b->stability);
  assert_same_double (a->difficulty, b->difficulty);
  g_assert_cmpint (a->due, ==, b->due);
  g_assert_cmpint (a->last_review, ==, b->last_review);
  g_assert_cmpuint (a->reps, ==, b->reps);
  g_assert_cmpuint (a->lapses, ==, b->lapses);
}

static void
assert_review_equal (const WendaReview *a,
                     const WendaReview *b)
{
  g_assert_cmpint (a->time, ==, b->time);
  g_assert_cmpint (a->rating, ==, b->rating);
  g_assert_cmpint (a->state, ==, b->state);
  assert_same_double (a->elapsed_days, b->elapsed_days);
  g_assert_cmpint (a->interval, ==, b->interval);
}

static void
assert_new_card (WendaStudyStore *store,
                 const char      *id)
{
  WendaCard card, fresh;

  wenda_study_store_get_card (store, id, &card);
  wenda_card_init (&fresh);
  assert_card_equal (&card, &fresh);
}

/* Everything the two stores hold about @ids, and their logs. */
static void
assert_stores_equal (WendaStudyStore   *a,
                     WendaStudyStore   *b,
                     const char *const *ids)
{
  guint n = wenda_study_store_get_n_reviews (a);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      WendaCard x, y;

      wenda_study_store_get_card (a, ids[i], &x);
      wenda_study_store_get_card (b, ids[i], &y);
      assert_card_equal (&x, &y);
      g_assert_cmpint (wenda_study_store_get_starred (a, ids[i]), ==,
                       wenda_study_store_get_starred (b, ids[i]));
    }

  g_assert_cmpuint (wenda_study_store_get_n_reviews (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const WendaStudyLogEntry *x = wenda_study_store_get_review (a, i);
      const WendaStudyLogEntry *y = wenda_study_store_get_review (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      assert_review_equal (&x->review, &y->review);
    }
}

static void
assert_empty (WendaStudyStore *store)
{
  static const char *const ids[] = {
    "llm-training-001", "llm-training-002", "llm-training-003", "retired-content-042",
  };

  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      assert_new_card (store, ids[i]);
      g_assert_false (wenda_study_store_get_starred (store, ids[i]));
    }
}

/* The root object of the file at @path, read by json-glib alone */
static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A "reset" handler, connected swapped */
static void
count_call (guint           *counter,
            WendaStudyStore *store)
{
  (*counter)++;
}

static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *)user_data;
}

/* }}} */

/* Reading and writing {{{ */

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  const WendaStudyLogEntry *entry;
  WendaCard card;

  copy_fixture ("study/valid.json", f->path);
  store = load_ok (f->path);

  g_assert_cmpstr (wenda_study_store_get_path (store), ==, f->path);

  wenda_study_store_get_card (store, "llm-training-001", &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_REVIEW);
  g_assert_cmpuint (card.step, ==, 0);
  assert_same_double (card.stability, 3.17);
  assert_same_double (card.difficulty, 5.28);
  g_assert_cmpint (card.due, ==, iso ("2026-12-02T09:30:00Z"));
  g_assert_cmpint (card.last_review, ==, iso ("2026-11-29T09:30:00Z"));
  g_assert_cmpuint (card.reps, ==, 3);
  g_assert_cmpuint (card.lapses, ==, 0);

  /* A time with an offset; an integer where a number goes */
  wenda_study_store_get_card (store, "llm-training-002", &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_LEARNING);
  g_assert_cmpuint (card.step, ==, 1);
  assert_same_double (card.difficulty, 6.0);
  g_assert_cmpint (card.due, ==, iso ("2026-11-29T09:40:00Z"));

  wenda_study_store_get_card (store, "retired-content-042", &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_RELEARNING);
  g_assert_cmpuint (card.reps, ==, 9);
  g_assert_cmpuint (card.lapses, ==, 2);

  /* No "due" or "last-review": 0 */
  assert_new_card (store, "llm-training-004");
  assert_new_card (store, "never-seen");

  g_assert_true (wenda_study_store_get_starred (store, "llm-training-003"));
  g_assert_true (wenda_study_store_get_starred (store, "retired-content-007"));
  g_assert_false (wenda_study_store_get_starred (store, "llm-training-001"));

  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), ==, 4);
  entry = wenda_study_store_get_review (store, 1);
  g_assert_cmpstr (entry->id, ==, "llm-training-001");
  g_assert_cmpint (entry->review.time, ==, iso ("2026-11-26T09:40:00Z"));
  g_assert_cmpint (entry->review.rating, ==, WENDA_RATING_GOOD);
  g_assert_cmpint (entry->review.state, ==, WENDA_CARD_STATE_LEARNING);
  assert_same_double (entry->review.elapsed_days, 0.0069444444444444441);
  g_assert_cmpint (entry->review.interval, ==, 3 * DAY);
  entry = wenda_study_store_get_review (store, 2);
  g_assert_cmpstr (entry->id, ==, "retired-content-042");
  g_assert_cmpint (entry->review.rating, ==, WENDA_RATING_AGAIN);
}

/* Ids that stay in the file whatever the content holds, and strings that
 * need escaping */
static const char *const round_trip_ids[] = {
  "llm-training-001", "llm-training-002", "llm-training-003", "llm-training-004",
  "retired-content-042", "retired-content-007",
  "quote\"back\\slash", "line\nbreak\ttab", "预训练-001", "emoji-🦊", "x",
  NULL
};

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(WendaStudyStore) third = NULL;
  g_autoptr(GBytes) first_save = NULL;
  g_autoptr(GBytes) second_save = NULL;
  WendaCard card;

  copy_fixture ("study/valid.json", f->path);
  store = load_ok (f->path);

  for (guint i = 6; round_trip_ids[i] != NULL; i++)
    {
      wenda_card_init (&card);
      card.state = (WendaCardState)(i % 4);
      card.step = i;
      card.stability = 1.0 / (i + 2);
      card.difficulty = 10.0 - 1.0 / 3.0;
      card.due = iso ("2026-12-24T23:59:59Z") + i;
      card.last_review = iso ("1999-01-01T00:00:00Z") - i;
      card.reps = G_MAXUINT - i;
      card.lapses = i;
      wenda_study_store_set_card (store, round_trip_ids[i], &card);
      wenda_study_store_set_starred (store, round_trip_ids[i], i % 2 == 0);
    }
  wenda_study_store_set_starred (store, "llm-training-003", FALSE);
  wenda_study_store_set_starred (store, "llm-training-001", TRUE);

  save_ok (store);
  first_save = read_bytes (f->path);

  again = load_ok (f->path);
  assert_stores_equal (store, again, round_trip_ids);

  /* Saving what was read writes the same bytes: the file has one form */
  save_ok (again);
  second_save = read_bytes (f->path);
  g_assert_true (g_bytes_equal (first_save, second_save));

  third = load_ok (f->path);
  assert_stores_equal (store, third, round_trip_ids);
}

/* Ids the content does not have are kept, cards, stars and log alike */
static void
test_unknown_ids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *starred, *log;
  WendaCard card;
  gboolean found = FALSE;

  copy_fixture ("study/valid.json", f->path);
  store = load_ok (f->path);

  /* As an app whose content has only llm-training-* would */
  wenda_study_store_get_card (store, "llm-training-001", &card);
  card.reps++;
  wenda_study_store_set_card (store, "llm-training-001", &card);
  save_ok (store);

  root = parse_file (f->path);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "wenda-study");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "cards"),
                                         "retired-content-042"));

  starred = json_object_get_array_member (object, "starred");
  for (guint i = 0; i < json_array_get_length (starred); i++)
    found |= g_str_equal (json_array_get_string_element (starred, i), "retired-content-007");
  g_assert_true (found);

  log = json_object_get_array_member (object, "log");
  g_assert_cmpuint (json_array_get_length (log), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log, 2), "id"),
                   ==, "retired-content-042");

  /* The member this version does not know is not written back */
  g_assert_false (json_object_has_member (object, "a-later-member"));
}

static void
test_doubles (Fixture       *f,
              gconstpointer  data)
{
  static const double special[] = {
    0.0, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 3.0, 1e-7, 4.9406564584124654e-324,
    2.2250738585072014e-308, 123456789.123456789, 1e11 + 0.5, 1e12, 36500.000000000007,
  };
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n = 2000;

  store = load_ok (f->path);

  for (guint i = 0; i < n; i++)
    {
      WendaCard card;

      wenda_card_init (&card);
      card.state = WENDA_CARD_STATE_REVIEW;
      if (i < G_N_ELEMENTS (special))
        card.stability = special[i];
      else if (i % 2)
        card.stability = g_test_rand_double_range (0, 100000);
      else
        card.stability = g_test_rand_double_range (0, 1) * pow (10, -g_test_rand_int_range (0, 300));
      card.difficulty = g_test_rand_double_range (1, 10);
      g_ptr_array_add (ids, g_strdup_printf ("item-%u", i));
      wenda_study_store_set_card (store, g_ptr_array_index (ids, i), &card);
    }
  g_ptr_array_add (ids, NULL);

  save_ok (store);
  again = load_ok (f->path);
  assert_stores_equal (store, again, (const char *const *)ids->pdata);
}

/* What the file could not hold is refused when it is set, not found out
 * when the next load throws the file away */
static void
test_invalid_input (Fixture       *f,
                   gconstpointer  data)
{
  const double bad[] = { NAN, INFINITY, -INFINITY, 1e13, -1e17 };
  g_autoptr(WendaStudyStore) store = load_ok (f->path);
  g_autoptr(WendaStudyStore) again = NULL;
  WendaCard card;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      wenda_card_init (&card);
      card.stability = bad[i];
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*card_is_valid*");
      wenda_study_store_set_card (store, "x", &card);
      g_test_assert_expected_messages ();

      wenda_card_init (&card);
      card.difficulty = bad[i];
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*card_is_valid*");
      wenda_study_store_set_card (store, "x", &card);
      g_test_assert_expected_messages ();
    }

  /* The file must stay UTF-8 */
  wenda_card_init (&card);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
  wenda_study_store_set_card (store, "caf\xe9", &card);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
  wenda_study_store_set_starred (store, "caf\xe9", TRUE);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
  wenda_study_store_set_card (store, "", &card);
  g_test_assert_expected_messages ();

  card.due = G_MAXINT64;
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*card_is_valid*");
  wenda_study_store_set_card (store, "x", &card);
  g_test_assert_expected_messages ();

  wenda_card_init (&card);
  card.stability = -1e12;
  card.last_review = iso ("0001-01-01T00:00:00Z");
  card.due = iso ("9999-12-31T23:59:59Z");
  wenda_study_store_set_card (store, "y", &card);
  save_ok (store);

  again = load_ok (f->path);
  assert_new_card (again, "x");
  wenda_study_store_get_card (again, "y", &card);
  assert_same_double (card.stability, -1e12);
  g_assert_cmpint (card.due, ==, iso ("9999-12-31T23:59:59Z"));
}

/* No file and no folder: an empty state that save() can write */
static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "data", "io.github.wenda.Wenda", NULL);
  g_autofree char *path = g_build_filename (folder, "study.json", NULL);
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  WendaCard card;
  GStatBuf buf;

  store = load_ok (path);
  assert_empty (store);
  g_assert_false (exists (path));

  wenda_card_init (&card);
  card.state = WENDA_CARD_STATE_LEARNING;
  card.due = iso ("2026-11-29T09:40:00Z");
  wenda_study_store_set_card (store, "llm-training-001", &card);
  wenda_study_store_set_starred (store, "llm-training-002", TRUE);
  save_ok (store);

  /* Progress is private */
  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  again = load_ok (path);
  assert_stores_equal (store, again, round_trip_ids);

  /* The second save replaces the file, and keeps it private */
  save_ok (again);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  assert_dir_is (folder, "study.json");
}

/* A store that was not loaded does not write: it would replace the file
 * with nothing */
static void
test_not_loaded (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;

  copy_fixture ("study/valid.json", f->path);
  store = wenda_study_store_new (f->path);
  g_assert_true (wenda_study_store_get_read_only (store));
  assert_new_card (store, "llm-training-001");

  g_assert_false (wenda_study_store_save (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY);
  g_assert_true (strstr (error->message, f->path) != NULL);
}

static void
test_default_path (void)
{
  g_autofree char *path = wenda_study_store_default_path ("io.github.wenda.Wenda");
  g_autofree char *expected = NULL;

  expected = g_build_filename (g_get_user_data_dir (), "io.github.wenda.Wenda", "study.json", NULL);
  g_assert_cmpstr (path, ==, expected);
}

/* Loading again replaces the state, and says so */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint resets = 0;

  copy_fixture ("study/garbage.json", f->path);
  store = wenda_study_store_new (f->path);
  g_signal_connect_swapped (store, "reset", G_CALLBACK (count_call), &resets);

  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpuint (resets, ==, 1);
  g_assert_nonnull (wenda_study_store_get_kept_path (store));

  copy_fixture ("study/valid.json", f->path);
  g_assert_true (wenda_study_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resets, ==, 2);
  g_assert_null (wenda_study_store_get_kept_path (store));
  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), ==, 4);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (wenda_study_store_load (store, &error));
  g_assert_cmpuint (resets, ==, 3);
  assert_empty (store);
}

static void
on_changed (WendaStudyStore *store,
            const char      *id,
            GPtrArray       *ids)
{
  g_ptr_array_add (ids, g_strdup (id));
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = load_ok (f->path);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  WendaCard card;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), ids);

  wenda_card_init (&card);
  card.state = WENDA_CARD_STATE_REVIEW;
  wenda_study_store_set_card (store, "a", &card);
  wenda_study_store_set_card (store, "a", &card);      /* the same: no signal */
  card.reps = 1;
  wenda_study_store_set_card (store, "a", &card);
  wenda_study_store_set_starred (store, "b", TRUE);
  wenda_study_store_set_starred (store, "b", TRUE);     /* no change */
  wenda_study_store_set_starred (store, "b", FALSE);
  wenda_study_store_set_starred (store, "c", FALSE);    /* no change */

  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (ids, 2), ==, "b");
  g_assert_cmpstr (g_ptr_array_index (ids, 3), ==, "b");
  g_assert_false (wenda_study_store_get_starred (store, "b"));
}

/* }}} */

/* Damage {{{ */

typedef struct
{
  const char *name;
  const char *fixture;                /* in tests/fixtures/study/ */
  GBytes   *(*make) (void);           /* or this makes the bytes */
  guint       line;                   /* the message starts "study.json:LINE:" */
} CorruptCase;

/* valid.json cut in the middle of a card */
static GBytes *
make_truncated (void)
{
  g_autofree char *data = NULL;
  gsize length;

  data = unit_read_fixture ("study/valid.json", &length);
  return g_bytes_new (data, length / 2);
}

static GBytes *
make_nul_byte (void)
{
  static const char data[] = "{\n  \"format\": \"wenda-study\",\n  \"version\": 1\0\n}\n";

  return g_bytes_new (data, sizeof data - 1);
}

/* json-glib recurses once per level; this is never read that deep */
static GBytes *
make_too_deep (void)
{
  GString *s = g_string_new ("{\n  \"format\": \"wenda-study\",\n  \"version\": 1,\n  \"x\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "\n}\n");

  return g_string_free_to_bytes (s);
}

/* json-glib reads comments; study files have none */
static GBytes *
make_comment (void)
{
  static const char data[] = "{\n  \"format\": \"wenda-study\", /* } { */\n  \"version\": 1\n}\n";

  return g_bytes_new_static (data, sizeof data - 1);
}

static const CorruptCase corrupt_cases[] = {
  { "garbage", "garbage.json", NULL, 1 },
  { "truncated", NULL, make_truncated, 34 },
  { "wrong-type", "wrong-type.json", NULL, 5 },
  { "not-object", "not-object.json", NULL, 1 },
  { "wrong-format", "wrong-format.json", NULL, 2 },
  { "empty", "empty.json", NULL, 1 },
  { "bad-utf8", "bad-utf8.json", NULL, 25 },
  { "nul-byte", NULL, make_nul_byte, 3 },
  { "missing-version", "missing-version.json", NULL, 1 },
  { "version-string", "version-string.json", NULL, 3 },
  { "two-values", "two-values.json", NULL, 2 },
  { "too-deep", NULL, make_too_deep, 4 },
  { "comment", NULL, make_comment, 2 },
  { "bad-state", "bad-state.json", NULL, 25 },
  { "bad-time", "bad-time.json", NULL, 5 },
  { "time-out-of-range", "time-out-of-range.json", NULL, 5 },
  { "negative-reps", "negative-reps.json", NULL, 25 },
  { "infinite-number", "infinite-number.json", NULL, 25 },
  { "card-not-object", "card-not-object.json", NULL, 4 },
  { "starred-not-string", "starred-not-string.json", NULL, 37 },
  { "log-missing-field", "log-missing-field.json", NULL, 41 },
};

static GBytes *
corrupt_case_bytes (const CorruptCase *c)
{
  g_autofree char *name = NULL;
  char *data;
  gsize length;

  if (c->make != NULL)
    return c->make ();

  name = g_build_filename ("study", c->fixture, NULL);
  data = unit_read_fixture (name, &length);
  return g_bytes_new_take (data, length);
}

/* The damaged file is kept with its bytes, the message names it and the
 * line, the state is empty, and saving works and leaves the kept file
 * alone. */
static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  const CorruptCase *c = data;
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = corrupt_case_bytes (c);
  g_autoptr(GBytes) kept_bytes = NULL;
  g_autoptr(GBytes) kept_after = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_display = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *expected_dir = NULL;
  WendaCard card;
  gsize length;
  const char *bytes = g_bytes_get_data (original, &length);

  write_bytes (f->path, bytes, length);

  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);

  prefix = g_strdup_printf ("study.json:%u:", c->line);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);

  /* PATH.corrupt-YYYYMMDD-HHMMSS */
  kept = g_strdup (wenda_study_store_get_kept_path (store));
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, f->path));
  g_assert_true (g_regex_match_simple ("^\\.corrupt-[0-9]{8}-[0-9]{6}$", kept + strlen (f->path), 0, 0));
  kept_display = g_filename_display_name (kept);
  g_assert_nonnull (strstr (error->message, kept_display));

  kept_bytes = read_bytes (kept);
  g_assert_true (g_bytes_equal (kept_bytes, original));
  g_assert_false (exists (f->path));

  g_assert_false (wenda_study_store_get_read_only (store));
  assert_empty (store);

  wenda_card_init (&card);
  card.state = WENDA_CARD_STATE_REVIEW;
  card.reps = 1;
  wenda_study_store_set_card (store, "llm-training-001", &card);
  save_ok (store);

  kept_after = read_bytes (kept);
  g_assert_true (g_bytes_equal (kept_after, original));

  again = load_ok (f->path);
  wenda_study_store_get_card (again, "llm-training-001", &card);
  g_assert_cmpuint (card.reps, ==, 1);

  kept_name = g_path_get_basename (kept);
  expected_dir = g_strdup_printf ("study.json %s", kept_name);
  assert_dir_is (f->dir, expected_dir);
}

/* When PATH.corrupt-STAMP is taken, -1, -2… */
static void
test_corrupt_name_taken (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 now = iso ("2026-11-29T09:30:00Z");

  wenda_clock_set_func (fixed_clock, &now);
  local = g_date_time_new_from_unix_local (now);
  stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");
  first = g_strdup_printf ("%s.corrupt-%s", f->path, stamp);
  second = g_strdup_printf ("%s-1", first);
  expected = g_strdup_printf ("%s-2", first);
  write_bytes (first, "first", -1);
  write_bytes (second, "second", -1);

  copy_fixture ("study/garbage.json", f->path);
  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT);
  g_assert_cmpstr (wenda_study_store_get_kept_path (store), ==, expected);

  bytes = read_bytes (first);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "first", 5);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_bytes (second);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "second", 6);
}

/* When the damaged file cannot be moved aside (here: every name is
 * taken), it is left alone and nothing overwrites it */
static void
test_corrupt_not_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *first = NULL;
  g_autofree char *stamp = NULL;
  gint64 now = iso ("2026-11-29T09:30:00Z");

  wenda_clock_set_func (fixed_clock, &now);
  local = g_date_time_new_from_unix_local (now);
  stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");
  first = g_strdup_printf ("%s.corrupt-%s", f->path, stamp);
  write_bytes (first, "", 0);
  for (guint i = 1; i <= 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", first, i);

      write_bytes (name, "", 0);
    }

  copy_fixture ("study/wrong-type.json", f->path);
  original = read_bytes (f->path);
  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "study.json:5:"));
  g_clear_error (&error);

  g_assert_null (wenda_study_store_get_kept_path (store));
  g_assert_true (wenda_study_store_get_read_only (store));
  assert_empty (store);

  g_assert_false (wenda_study_store_save (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY);

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (original, after));
}

/* A newer app's file: not touched, not overwritten */
static void
test_future_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;
  struct utimbuf times = { .actime = 1600000000, .modtime = 1600000000 };
  WendaCard card;
  GStatBuf buf;

  copy_fixture ("study/future-version.json", f->path);
  g_assert_cmpint (g_utime (f->path, &times), ==, 0);
  original = read_bytes (f->path);

  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_FUTURE_VERSION);
  g_assert_true (g_str_has_prefix (error->message, "study.json: "));
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_clear_error (&error);

  g_assert_true (wenda_study_store_get_read_only (store));
  g_assert_null (wenda_study_store_get_kept_path (store));
  assert_empty (store);

  /* It works in memory, and does not write */
  wenda_card_init (&card);
  card.reps = 5;
  wenda_study_store_set_card (store, "llm-training-001", &card);
  g_assert_false (wenda_study_store_save (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY);
  wenda_study_store_get_card (store, "llm-training-001", &card);
  g_assert_cmpuint (card.reps, ==, 5);

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (original, after));
  g_assert_cmpint (g_stat (f->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mtime, ==, 1600000000);
  assert_dir_is (f->dir, "study.json");
}

/* A folder where the file should be */
static void
test_unreadable_directory (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (f->path);
  GStatBuf buf;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);

  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, display));
  g_clear_error (&error);
  g_assert_true (wenda_study_store_get_read_only (store));
  g_assert_null (wenda_study_store_get_kept_path (store));

  g_assert_false (wenda_study_store_save (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY);

  g_assert_cmpint (g_stat (f->path, &buf), ==, 0);
  g_assert_true (S_ISDIR (buf.st_mode));
  assert_dir_is (f->dir, "study.json");
}

static void
test_unreadable_permission (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads files whatever their permissions");
      return;
    }

  copy_fixture ("study/valid.json", f->path);
  g_assert_cmpint (g_chmod (f->path, 0), ==, 0);

  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (wenda_study_store_get_read_only (store));
  g_assert_false (wenda_study_store_save (store, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY);
  assert_dir_is (f->dir, "study.json");
}

/* }}} */

/* Failed saves {{{ */

/* Adds 10 to the reps of a card; save() then fails with @code, and the
 * card stays in memory, the store writable */
static void
assert_save_fails (WendaStudyStore *store,
                   int              code)
{
  g_autoptr(GError) error = NULL;
  WendaCard card;
  guint reps;

  wenda_study_store_get_card (store, "llm-training-001", &card);
  reps = card.reps += 10;
  wenda_study_store_set_card (store, "llm-training-001", &card);

  g_assert_false (wenda_study_store_save (store, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s", error->message);

  g_assert_false (wenda_study_store_get_read_only (store));
  wenda_study_store_get_card (store, "llm-training-001", &card);
  g_assert_cmpuint (card.reps, ==, reps);
}

static void
test_save_read_only_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;
  WendaCard card;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes in read-only folders (see save-error/parent-is-file)");
      return;
    }

  copy_fixture ("study/valid.json", f->path);
  original = read_bytes (f->path);
  store = load_ok (f->path);
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);

  assert_save_fails (store, G_IO_ERROR_PERMISSION_DENIED);

  /* The file is writable, the folder is not: GLib must not fall back to
   * rewriting the file in place */
  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (original, after));
  assert_dir_is (f->dir, "study.json");

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  save_ok (store);
  again = load_ok (f->path);
  wenda_study_store_get_card (again, "llm-training-001", &card);
  g_assert_cmpuint (card.reps, ==, 13);
}

/* The folder cannot be made: the parent is a file (root too) */
static void
test_save_parent_is_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *parent = g_build_filename (f->dir, "data", NULL);
  g_autofree char *path = g_build_filename (parent, "study.json", NULL);
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  WendaCard card;

  store = load_ok (path);
  write_bytes (parent, "a file", -1);

  assert_save_fails (store, G_IO_ERROR_NOT_DIRECTORY);
  assert_save_fails (store, G_IO_ERROR_NOT_DIRECTORY);

  g_assert_cmpint (g_unlink (parent), ==, 0);
  save_ok (store);
  again = load_ok (path);
  wenda_study_store_get_card (again, "llm-training-001", &card);
  g_assert_cmpuint (card.reps, ==, 20);
}

/* The disk fills up during a save (a file size limit stands in for it):
 * the save fails, and the file on disk is the old one, whole.  GLib
 * 2.74's g_file_replace_contents() fails this: it renames the cut
 * temporary file over the original. */
static void
test_save_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  gboolean saved;
  gsize before_length;
  WendaCard card;

  copy_fixture ("study/valid.json", f->path);
  store = load_ok (f->path);
  save_ok (store);
  g_assert_true (g_file_get_contents (f->path, &before, &before_length, NULL));

  /* Enough new state that the file outgrows the limit. */
  wenda_card_init (&card);
  card.state = WENDA_CARD_STATE_REVIEW;
  card.stability = 3.5;
  card.difficulty = 5.5;
  card.due = 1795942800;
  card.last_review = 1795942800 - 86400;
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("bulk-%04u", i);

      wenda_study_store_set_card (store, id, &card);
    }

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = before_length + 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  saved = wenda_study_store_save (store, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  assert_dir_is (f->dir, "study.json");

  /* With room again, it saves. */
  save_ok (store);
}

/* The file became a folder after it was read */
static void
test_save_path_is_directory (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = NULL;

  copy_fixture ("study/valid.json", f->path);
  store = load_ok (f->path);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);

  assert_save_fails (store, G_IO_ERROR_IS_DIRECTORY);
  assert_dir_is (f->dir, "study.json");
}

/* }}} */

/* Stray temporary files {{{ */

static void
test_strays (Fixture       *f,
             gconstpointer  data)
{
  static const char *const strays[] = {
    ".goutputstream-AbC123", ".goutputstream-9zz9ZZ", "study.json.Q1w2E3",
  };
  static const char *const others[] = {
    ".goutputstream-AbC12", ".goutputstream-AbC1234", ".goutputstream-AbC-12",
    "study.json.corrupt-20261129-093000", "study.json.Q1w2E", "other.json.Q1w2E3",
    "notes.txt", "study.json~",
  };
  g_autofree char *dir_stray = g_build_filename (f->dir, ".goutputstream-Dir123", NULL);
  g_autofree char *link_stray = g_build_filename (f->dir, ".goutputstream-Lnk123", NULL);
  g_autofree char *target = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (strays); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, strays[i], NULL);

      write_bytes (path, "{ \"format\": \"wenda-st", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, others[i], NULL);

      write_bytes (path, "keep", -1);
    }
  /* Not regular files: left alone */
  g_assert_cmpint (g_mkdir (dir_stray, 0700), ==, 0);
  g_assert_cmpint (symlink (target, link_stray), ==, 0);

  /* Also when there is no study file */
  store = load_ok (f->path);

  g_string_append (expected, ".goutputstream-AbC-12 .goutputstream-AbC12 .goutputstream-AbC1234 "
                             ".goutputstream-Dir123 .goutputstream-Lnk123 notes.txt other.json.Q1w2E3 "
                             "study.json.Q1w2E study.json.corrupt-20261129-093000 study.json~");
  assert_dir_is (f->dir, expected->str);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

/* }}} */

/* Statistics {{{ */

static void
set_card_at (WendaStudyStore *store,
             const char      *id,
             WendaCardState   state,
             const char      *due)
{
  WendaCard card;

  wenda_card_init (&card);
  card.state = state;
  if (state != WENDA_CARD_STATE_NEW)
    {
      card.due = iso (due);
      card.last_review = card.due - DAY;
      card.stability = 1;
      card.difficulty = 5;
      card.reps = 1;
    }
  wenda_study_store_set_card (store, id, &card);
}

/* Cards around local midnight in Shanghai (UTC+8).  @now is 23:00 there,
 * 15:00 UTC, on 2026-11-29. */
static WendaStudyStore *
due_store (const char *path)
{
  WendaStudyStore *store = load_ok (path);

  set_card_at (store, "a", WENDA_CARD_STATE_REVIEW, "2026-11-20T00:00:00Z");     /* overdue */
  set_card_at (store, "b", WENDA_CARD_STATE_REVIEW, "2026-11-29T15:30:00Z");     /* 23:30 */
  set_card_at (store, "c", WENDA_CARD_STATE_LEARNING, "2026-11-29T16:30:00Z");   /* 00:30 */
  set_card_at (store, "d", WENDA_CARD_STATE_REVIEW, "2026-11-30T15:59:59Z");     /* 23:59:59 */
  set_card_at (store, "e", WENDA_CARD_STATE_RELEARNING, "2026-11-30T16:00:00Z"); /* 00:00 */
  set_card_at (store, "f", WENDA_CARD_STATE_REVIEW, "2026-12-05T12:00:00Z");     /* day 6 */
  set_card_at (store, "g", WENDA_CARD_STATE_REVIEW, "2026-12-06T17:00:00Z");     /* day 7/8 */
  set_card_at (store, "h", WENDA_CARD_STATE_REVIEW, "2026-11-29T15:00:00Z");     /* now */
  set_card_at (store, "m", WENDA_CARD_STATE_NEW, NULL);
  set_card_at (store, "not-listed", WENDA_CARD_STATE_REVIEW, "2026-11-29T00:00:00Z");
  wenda_study_store_set_starred (store, "b", TRUE);
  wenda_study_store_set_starred (store, "not-listed", TRUE);

  return store;
}

static const char *const due_ids[] = { "a", "b", "c", "d", "e", "f", "g", "h", "m", "unknown" };

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WendaStudyStore) store = due_store (f->path);
  WendaStudyCounts counts;

  wenda_study_store_count (store, due_ids, G_N_ELEMENTS (due_ids),
                           iso ("2026-11-29T15:00:00Z"), &counts);
  g_assert_cmpuint (counts.n_new, ==, 2);
  g_assert_cmpuint (counts.n_learning, ==, 1);
  g_assert_cmpuint (counts.n_review, ==, 6);
  g_assert_cmpuint (counts.n_relearning, ==, 1);
  g_assert_cmpuint (counts.n_due, ==, 2);          /* a, and h at that second */
  g_assert_cmpuint (counts.n_starred, ==, 1);

  /* A second before "h" is due */
  wenda_study_store_count (store, due_ids, G_N_ELEMENTS (due_ids),
                           iso ("2026-11-29T14:59:59Z"), &counts);
  g_assert_cmpuint (counts.n_due, ==, 1);

  wenda_study_store_count (store, NULL, 0, 0, &counts);
  g_assert_cmpuint (counts.n_new + counts.n_review + counts.n_due + counts.n_starred, ==, 0);
}

static void
test_due_per_day (Fixture       *f,
                  gconstpointer  data)
{
  const char *zone = data;
  g_autoptr(WendaStudyStore) store = due_store (f->path);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  static const guint shanghai[] = { 3, 2, 1, 0, 0, 0, 1 };
  static const guint utc[] = { 4, 2, 0, 0, 0, 0, 1 };
  const guint *expected = g_str_equal (zone, "UTC") ? utc : shanghai;
  guint out[8];

  g_assert_nonnull (tz);

  out[7] = 12345;
  wenda_study_store_due_per_day (store, due_ids, G_N_ELEMENTS (due_ids),
                                 iso ("2026-11-29T15:00:00Z"), tz, out, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpuint (out[i], ==, expected[i]);
  g_assert_cmpuint (out[7], ==, 12345);

  /* One day: everything due by the end of today */
  wenda_study_store_due_per_day (store, due_ids, G_N_ELEMENTS (due_ids),
                                 iso ("2026-11-29T15:00:00Z"), tz, out, 1);
  g_assert_cmpuint (out[0], ==, expected[0]);
}

/* A study file with a log of reviews of "x", for the statistics */
typedef struct
{
  const char *time;
  WendaRating rating;
  const char *state;
} LogSpec;

static void
write_log_file (const char    *path,
                const LogSpec *specs,
                gsize          n_specs)
{
  g_autoptr(GString) s = g_string_new ("{\n  \"format\": \"wenda-study\",\n  \"version\": 1,\n"
                                       "  \"log\": [\n");

  for (gsize i = 0; i < n_specs; i++)
    g_string_append_printf (s, "    { \"id\": \"x\", \"time\": \"%s\", \"rating\": %d, "
                               "\"state\": \"%s\", \"elapsed-days\": 1.5, \"interval\": 86400 }%s\n",
                            specs[i].time, specs[i].rating, specs[i].state,
                            i + 1 < n_specs ? "," : "");
  g_string_append (s, "  ]\n}\n");
  write_bytes (path, s->str, s->len);
}

static void
test_reviews_per_day (Fixture       *f,
                      gconstpointer  data)
{
  /* @now is 2026-11-30 02:00 in Shanghai, 2026-11-29 18:00 UTC */
  static const LogSpec log[] = {
    { "2026-11-29T17:00:00Z", WENDA_RATING_GOOD, "review" },    /* SH 11-30 01:00 */
    { "2026-11-29T15:59:59Z", WENDA_RATING_AGAIN, "learning" }, /* SH 11-29 23:59:59 */
    { "2026-11-29T00:30:00Z", WENDA_RATING_GOOD, "new" },       /* SH 11-29 08:30 */
    { "2026-11-28T23:00:00Z", WENDA_RATING_HARD, "review" },    /* SH 11-29 07:00 */
    { "2026-11-23T16:00:00Z", WENDA_RATING_EASY, "review" },    /* SH 11-24 00:00 */
    { "2026-11-23T15:59:59Z", WENDA_RATING_GOOD, "review" },    /* SH 11-23 23:59:59 */
  };
  static const guint shanghai[] = { 1, 0, 0, 0, 0, 3, 1 };
  static const guint utc[] = { 2, 0, 0, 0, 0, 1, 3 };
  const char *zone = data;
  const guint *expected = g_str_equal (zone, "UTC") ? utc : shanghai;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(WendaStudyStore) store = NULL;
  guint out[7];

  g_assert_nonnull (tz);
  write_log_file (f->path, log, G_N_ELEMENTS (log));
  store = load_ok (f->path);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), ==, G_N_ELEMENTS (log));

  wenda_study_store_reviews_per_day (store, iso ("2026-11-29T18:00:00Z"), tz, out, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpuint (out[i], ==, expected[i]);

  /* Only today */
  wenda_study_store_reviews_per_day (store, iso ("2026-11-29T18:00:00Z"), tz, out, 1);
  g_assert_cmpuint (out[0], ==, expected[6]);
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  /* @now is 2026-11-29T12:00:00Z */
  static const LogSpec log[] = {
    { "2026-11-28T12:00:00Z", WENDA_RATING_GOOD, "review" },     /* counts */
    { "2026-11-27T12:00:00Z", WENDA_RATING_AGAIN, "review" },    /* counts, forgotten */
    { "2026-11-26T12:00:00Z", WENDA_RATING_HARD, "review" },     /* counts */
    { "2026-11-28T13:00:00Z", WENDA_RATING_AGAIN, "relearning" },/* not a review card */
    { "2026-11-28T14:00:00Z", WENDA_RATING_AGAIN, "learning" },  /* not a review card */
    { "2026-11-28T15:00:00Z", WENDA_RATING_GOOD, "new" },        /* not a review card */
    { "2026-10-29T12:00:00Z", WENDA_RATING_GOOD, "review" },     /* 30 days ago: out */
    { "2026-10-20T12:00:00Z", WENDA_RATING_EASY, "review" },     /* out */
    { "2026-11-29T13:00:00Z", WENDA_RATING_AGAIN, "review" },    /* after now: out */
  };
  g_autoptr(WendaStudyStore) store = NULL;
  gint64 now = iso ("2026-11-29T12:00:00Z");
  guint n = 12345;

  write_log_file (f->path, log, G_N_ELEMENTS (log));
  store = load_ok (f->path);

  g_assert_cmpfloat_with_epsilon (wenda_study_store_retention (store, now, 30, &n), 2.0 / 3.0, 1e-12);
  g_assert_cmpuint (n, ==, 3);

  g_assert_cmpfloat_with_epsilon (wenda_study_store_retention (store, now, 365, NULL), 4.0 / 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (wenda_study_store_retention (store, now, 3, &n), 0.5, 1e-12);
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpfloat (wenda_study_store_retention (store, now, 0, &n), ==, -1);
  g_assert_cmpuint (n, ==, 0);

  /* Nothing at all */
  g_clear_object (&store);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  store = load_ok (f->path);
  g_assert_cmpfloat (wenda_study_store_retention (store, now, 30, &n), ==, -1);
  g_assert_cmpuint (n, ==, 0);
}

/* }}} */

/* Grading {{{ */

/* Grades @id as the store should, with wenda_scheduler_review() */
static void
expected_grade (const WendaScheduler *scheduler,
                WendaStudyStore      *store,
                const char           *id,
                WendaRating           rating,
                gint64                now,
                WendaCard            *card,
                WendaReview          *review)
{
  WendaCard before;
  guint32 seed;

  wenda_study_store_get_card (store, id, &before);
  seed = g_str_hash (id) ^ (guint32)(before.reps * 2654435761u);
  wenda_scheduler_review (scheduler, &before, rating, now, seed, card, review);
}

static void
test_grade (Fixture       *f,
            gconstpointer  data)
{
  gboolean fuzz = GPOINTER_TO_INT (data);
  static const struct { const char *id; WendaRating rating; gint64 after; } grades[] = {
    { "llm-training-001", WENDA_RATING_GOOD, 0 },
    { "llm-training-002", WENDA_RATING_AGAIN, 0 },
    { "llm-training-001", WENDA_RATING_GOOD, 10 * MINUTE },
    { "llm-training-002", WENDA_RATING_GOOD, 1 * MINUTE },
    { "llm-training-001", WENDA_RATING_EASY, 3 * DAY },
    { "llm-training-001", WENDA_RATING_GOOD, 20 * DAY },
    { "llm-training-002", WENDA_RATING_HARD, 2 * DAY },
    { "llm-training-001", WENDA_RATING_AGAIN, 90 * DAY },
    { "llm-training-001", WENDA_RATING_GOOD, 10 * MINUTE },
    { "llm-training-001", WENDA_RATING_GOOD, 5 * DAY },
  };
  g_autoptr(WendaScheduler) scheduler = wenda_scheduler_new ();
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  static const char *const ids[] = { "llm-training-001", "llm-training-002", NULL };
  gint64 now = iso ("2026-11-29T09:30:00Z");

  wenda_scheduler_set_fuzz (scheduler, fuzz);
  store = load_ok (f->path);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), changed);

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaStudyStore) on_disk = NULL;
      const WendaStudyLogEntry *entry;
      WendaCard expected_card, card;
      WendaReview expected_review;
      guint n;

      now += grades[i].after;
      expected_grade (scheduler, store, grades[i].id, grades[i].rating, now,
                      &expected_card, &expected_review);

      g_assert_true (wenda_study_store_grade (store, scheduler, grades[i].id, grades[i].rating,
                                              now, &card, &error));
      g_assert_no_error (error);

      assert_card_equal (&card, &expected_card);
      wenda_study_store_get_card (store, grades[i].id, &card);
      assert_card_equal (&card, &expected_card);

      n = wenda_study_store_get_n_reviews (store);
      g_assert_cmpuint (n, ==, i + 1);
      entry = wenda_study_store_get_review (store, n - 1);
      g_assert_cmpstr (entry->id, ==, grades[i].id);
      assert_review_equal (&entry->review, &expected_review);

      g_assert_cmpuint (changed->len, ==, i + 1);
      g_assert_cmpstr (g_ptr_array_index (changed, i), ==, grades[i].id);

      /* Saved: what is on disk is what is in memory */
      on_disk = load_ok (f->path);
      assert_stores_equal (store, on_disk, ids);
    }

  /* out_card may be NULL */
  g_assert_true (wenda_study_store_grade (store, scheduler, "llm-training-003",
                                          WENDA_RATING_GOOD, now, NULL, NULL));
  again = load_ok (f->path);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (again), ==, G_N_ELEMENTS (grades) + 1);
}

/* A grade that cannot be saved stays in memory */
static void
test_grade_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WendaScheduler) scheduler = wenda_scheduler_new ();
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 now = iso ("2026-11-29T09:30:00Z");
  WendaCard expected_card, card;
  WendaReview expected_review;

  copy_fixture ("study/future-version.json", f->path);
  original = read_bytes (f->path);
  store = wenda_study_store_new (f->path);
  g_assert_false (wenda_study_store_load (store, &error));
  g_clear_error (&error);

  expected_grade (scheduler, store, "llm-training-001", WENDA_RATING_GOOD, now,
                  &expected_card, &expected_review);
  g_assert_false (wenda_study_store_grade (store, scheduler, "llm-training-001",
                                           WENDA_RATING_GOOD, now, &card, &error));
  g_assert_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_READ_ONLY);
  assert_card_equal (&card, &expected_card);
  wenda_study_store_get_card (store, "llm-training-001", &card);
  assert_card_equal (&card, &expected_card);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), ==, 1);

  after = read_bytes (f->path);
  g_assert_true (g_bytes_equal (original, after));
}

/* }}} */

/* Crashes {{{ */

/* State @n, as study-crash.h defines it, is what @store holds */
static void
assert_crash_state (WendaStudyStore *store,
                    guint            n)
{
  WendaCard card, expected;

  g_assert_cmpuint (study_crash_state (store), ==, n);

  if (n > 0)
    {
      wenda_study_store_get_card (store, "counter", &card);
      study_crash_card (n, &expected);
      assert_card_equal (&card, &expected);
    }

  for (guint k = 0; k < STUDY_CRASH_N_SLOTS; k++)
    {
      g_autofree char *slot = study_crash_slot (k);
      guint last = 0;

      /* The last step that set this slot */
      for (guint m = n; m >= 1 && last == 0; m--)
        if (m % STUDY_CRASH_N_SLOTS == k)
          last = m;

      wenda_study_store_get_card (store, slot, &card);
      if (last == 0)
        {
          wenda_card_init (&expected);
        }
      else
        {
          study_crash_card (last, &expected);
        }
      assert_card_equal (&card, &expected);
    }

  for (guint k = 0; k < STUDY_CRASH_N_STARS; k++)
    {
      g_autofree char *star = study_crash_star (k);
      guint last = 0;

      for (guint m = n; m >= 1 && last == 0; m--)
        if (m % STUDY_CRASH_N_STARS == k)
          last = m;

      g_assert_cmpint (wenda_study_store_get_starred (store, star), ==,
                       last > 0 && study_crash_starred (last));
    }
}

static guint
count_strays (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, ".goutputstream-") || g_str_has_prefix (name, "study.json."))
        n++;
    }

  return n;
}

/* The number on the last whole line of @output; @none if there is none.
 * What follows the last "\n" is a line the writer had not finished. */
static guint
last_acked (const char *output,
            guint       none)
{
  const char *end = strrchr (output, '\n');
  const char *start;
  g_autofree char *line = NULL;
  guint64 value;

  if (end == NULL)
    return none;

  start = end;
  while (start > output && start[-1] != '\n')
    start--;

  line = g_strndup (start, end - start);
  g_assert_true (g_ascii_string_to_unsigned (line, 10, 1, G_MAXUINT, &value, NULL));
  return (guint)value;
}

/* study-writer saves in a loop and is killed at a random moment; the file
 * always holds the last state it reported, or the one after */
static void
test_crash (Fixture       *f,
            gconstpointer  data)
{
  const char *writer = g_getenv ("WENDA_STUDY_WRITER");
  guint runs = 200;
  guint state = 0;
  guint n_ahead = 0, n_strays = 0, n_idle = 0;
  gint64 start = g_get_monotonic_time ();

  if (writer == NULL)
    {
      g_test_skip ("WENDA_STUDY_WRITER is not set (tests/meson.build sets it)");
      return;
    }

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(WendaStudyStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDataInputStream) stdout_stream = NULL;
      g_autoptr(GOutputStream) rest = g_memory_output_stream_new_resizable ();
      g_autofree char *ready = NULL;
      g_autofree char *output = NULL;
      guint acked, found;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                  &error, writer, f->path, NULL);
      g_assert_no_error (error);

      /* Start the clock once it has loaded the file: a sanitizer build
       * can take longer than 30 ms to start */
      stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      ready = g_data_input_stream_read_line_utf8 (stdout_stream, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ready, ==, "ready");

      g_usleep (g_test_rand_int_range (0, 30001));
      g_subprocess_send_signal (process, SIGKILL);

      /* Then read what it said until it died */
      g_output_stream_splice (rest, G_INPUT_STREAM (stdout_stream),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
      g_assert_no_error (error);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_if_signaled (process))
        g_error ("study-writer ended by itself, with status %d",
                 g_subprocess_get_exit_status (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

      /* NULL when it said nothing */
      output = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (rest)),
                          g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (rest)));
      if (output == NULL)
        output = g_strdup ("");

      acked = last_acked (output, state);
      g_assert_cmpuint (acked, >=, state);
      if (acked == state)
        n_idle++;

      n_strays += count_strays (f->dir) > 0;

      /* Any error here (CORRUPT above all) fails the test */
      store = load_ok (f->path);
      found = study_crash_state (store);
      if (found != acked && found != acked + 1)
        g_error ("run %u: the writer reported state %u, the file holds %u", run, acked, found);
      n_ahead += found == acked + 1;
      assert_crash_state (store, found);

      /* load() removed what the kill left */
      assert_dir_is (f->dir, state > 0 || found > 0 ? "study.json" : "");

      state = found;
    }

  g_test_message ("%u runs in %.2f s: reached state %u; %u runs saved nothing, "
                  "%u left the file one state ahead of the last report, "
                  "%u left temporary files",
                  runs, (g_get_monotonic_time () - start) / 1e6, state,
                  n_idle, n_ahead, n_strays);
  g_assert_cmpuint (state, >, 0);
}

/* }}} */

static void
add_test (const char    *path,
          gconstpointer  data,
          void         (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/StudyStore/default-path", test_default_path);
  add_test ("/Wenda/StudyStore/valid", NULL, test_valid);
  add_test ("/Wenda/StudyStore/round-trip", NULL, test_round_trip);
  add_test ("/Wenda/StudyStore/unknown-ids", NULL, test_unknown_ids);
  add_test ("/Wenda/StudyStore/doubles", NULL, test_doubles);
  add_test ("/Wenda/StudyStore/invalid-input", NULL, test_invalid_input);
  add_test ("/Wenda/StudyStore/missing", NULL, test_missing);
  add_test ("/Wenda/StudyStore/not-loaded", NULL, test_not_loaded);
  add_test ("/Wenda/StudyStore/reload", NULL, test_reload);
  add_test ("/Wenda/StudyStore/signals", NULL, test_signals);

  for (guint i = 0; i < G_N_ELEMENTS (corrupt_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Wenda/StudyStore/corrupt/%s", corrupt_cases[i].name);

      add_test (path, &corrupt_cases[i], test_corrupt);
    }
  add_test ("/Wenda/StudyStore/corrupt-name-taken", NULL, test_corrupt_name_taken);
  add_test ("/Wenda/StudyStore/corrupt-not-kept", NULL, test_corrupt_not_kept);
  add_test ("/Wenda/StudyStore/future-version", NULL, test_future_version);
  add_test ("/Wenda/StudyStore/unreadable/directory", NULL, test_unreadable_directory);
  add_test ("/Wenda/StudyStore/unreadable/permission", NULL, test_unreadable_permission);
  add_test ("/Wenda/StudyStore/save-error/read-only-folder", NULL, test_save_read_only_folder);
  add_test ("/Wenda/StudyStore/save-error/parent-is-file", NULL, test_save_parent_is_file);
  add_test ("/Wenda/StudyStore/save-error/path-is-directory", NULL, test_save_path_is_directory);
  add_test ("/Wenda/StudyStore/save-error/disk-full", NULL, test_save_disk_full);
  add_test ("/Wenda/StudyStore/strays", NULL, test_strays);

  add_test ("/Wenda/StudyStore/count", NULL, test_count);
  add_test ("/Wenda/StudyStore/due-per-day/utc", "UTC", test_due_per_day);
  add_test ("/Wenda/StudyStore/due-per-day/shanghai", "Asia/Shanghai", test_due_per_day);
  add_test ("/Wenda/StudyStore/reviews-per-day/utc", "UTC", test_reviews_per_day);
  add_test ("/Wenda/StudyStore/reviews-per-day/shanghai", "Asia/Shanghai", test_reviews_per_day);
  add_test ("/Wenda/StudyStore/retention", NULL, test_retention);

  add_test ("/Wenda/StudyStore/grade/no-fuzz", GINT_TO_POINTER (FALSE), test_grade);
  add_test ("/Wenda/StudyStore/grade/fuzz", GINT_TO_POINTER (TRUE), test_grade);
  add_test ("/Wenda/StudyStore/grade/read-only", NULL, test_grade_read_only);

  add_test ("/Wenda/StudyStore/crash", NULL, test_crash);

  return g_test_run ();
}
