/* test-compat.c: the files a user of 0.1.0 has still load, unchanged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* tests/fixtures/compat/0.1.0/ holds a study file, a library folder and
 * the settings as 0.1.0 wrote them (see the README there).  Each test
 * copies what it reads into a folder of its own made by g_dir_make_tmp(),
 * removed afterwards, so nothing it does can change the fixtures.  The
 * tables below are what 0.1.0's store and library held in memory when they
 * wrote the files (tests/tools/wenda-compat-fixtures.c printed them): the
 * files must give back exactly that.  Do not "fix" a table or a fixture
 * when a test fails: the change that made it fail loses users' data.
 *
 * The settings tests read GSETTINGS_SCHEMA_DIR, the schema of data/
 * compiled in the build tree (tests/meson.build). */

#include "config.h"

#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenda-bank-loader.h"
#include "wenda-library.h"
#include "wenda-study-store.h"

#include "test-util.h"

#define VERSION_DIR   "compat/0.1.0"
#define DATA_DIR      VERSION_DIR "/data/io.github.wenda.Wenda"
#define STUDY_FILE    DATA_DIR "/study.json"
#define BANKS_DIR     DATA_DIR "/banks"
#define KEYFILE       VERSION_DIR "/config/glib-2.0/settings/keyfile"
#define SCHEMA_RECORD VERSION_DIR "/schema.ini"
#define SCHEMA_ID     "io.github.wenda.Wenda"

/* What 0.1.0 held {{{ */

typedef struct
{
  const char     *id;
  WendaCardState  state;
  guint           step;
  double          stability;
  double          difficulty;
  const char     *due;           /* NULL: 0 */
  const char     *last_review;   /* NULL: 0 */
  guint           reps;
  guint           lapses;
} ExpectedCard;

typedef struct
{
  const char     *id;
  const char     *time;
  WendaRating     rating;
  WendaCardState  state;
  double          elapsed_days;
  gint64          interval;
} ExpectedReview;

typedef struct
{
  const char *id;
  const char *basename;
  const char *title;
  guint       n_items;
} ExpectedBank;

typedef struct
{
  const char *bank;
  const char *id;
  guint       number;
  const char *question;
  const char *answer;
  const char *explanation;
} ExpectedItem;

typedef struct
{
  const char *key;
  const char *value;   /* GVariant text, of the key's type */
} ExpectedSetting;

static const ExpectedCard expected_cards[] = {
  { "interview-notes-001", WENDA_CARD_STATE_RELEARNING, 0, 0.60770166266386438, 7.392238132342694,
    "2026-11-05T07:56:00Z", "2026-11-05T07:46:00Z", 3, 1 },
  { "interview-notes-002", WENDA_CARD_STATE_REVIEW, 0, 8.2956000000000003, 1,
    "2026-11-11T08:30:25Z", "2026-11-02T08:30:25Z", 1, 0 },
  { "interview-notes-003", WENDA_CARD_STATE_REVIEW, 0, 0.091518797719360237, 9.5695917004109319,
    "2026-11-06T07:55:10Z", "2026-11-05T07:55:10Z", 6, 1 },
  { "interview-notes-004", WENDA_CARD_STATE_REVIEW, 0, 4.6020623146436614, 6.7273434162370958,
    "2026-11-10T07:45:35Z", "2026-11-05T07:45:35Z", 4, 0 },
  { "llm-training-001", WENDA_CARD_STATE_LEARNING, 1, 2.3065000000000002, 2.118103970459015,
    "2026-11-02T19:15:00Z", "2026-11-02T19:05:00Z", 1, 0 },
  { "llm-training-002", WENDA_CARD_STATE_REVIEW, 0, 8.2956000000000003, 1,
    "2026-11-11T19:05:25Z", "2026-11-02T19:05:25Z", 1, 0 },
  { "llm-training-003", WENDA_CARD_STATE_LEARNING, 1, 0.24668918777567272, 6.4021150692968378,
    "2026-11-02T19:16:50Z", "2026-11-02T19:06:50Z", 2, 0 },
  { "llm-training-004", WENDA_CARD_STATE_LEARNING, 1, 2.3065000000000002, 2.118103970459015,
    "2026-11-02T19:16:15Z", "2026-11-02T19:06:15Z", 1, 0 },
  { "llm-training-010", WENDA_CARD_STATE_NEW, 0, 0, 0,
    NULL, NULL, 0, 0 },
  { "system-design-001", WENDA_CARD_STATE_LEARNING, 1, 2.3065000000000002, 2.118103970459015,
    "2026-11-05T21:22:40Z", "2026-11-05T21:12:40Z", 1, 0 },
  { "system-design-002", WENDA_CARD_STATE_LEARNING, 0, 1.2930999999999999, 5.1121707056010548,
    "2026-11-05T21:18:35Z", "2026-11-05T21:13:05Z", 1, 0 },
};

static const char *const expected_starred[] = {
  "interview-notes-003",
  "llm-training-002",
  "system-design-003",
};

static const ExpectedReview expected_log[] = {
  { "interview-notes-001", "2026-11-02T08:30:00Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_NEW, 0, 600 },
  { "interview-notes-002", "2026-11-02T08:30:25Z", WENDA_RATING_EASY,
    WENDA_CARD_STATE_NEW, 0, 777600 },
  { "interview-notes-003", "2026-11-02T08:30:50Z", WENDA_RATING_AGAIN,
    WENDA_CARD_STATE_NEW, 0, 60 },
  { "interview-notes-004", "2026-11-02T08:31:15Z", WENDA_RATING_HARD,
    WENDA_CARD_STATE_NEW, 0, 330 },
  { "interview-notes-003", "2026-11-02T08:31:50Z", WENDA_RATING_AGAIN,
    WENDA_CARD_STATE_LEARNING, 0.00069444444444444447, 60 },
  { "interview-notes-003", "2026-11-02T08:32:50Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_LEARNING, 0.00069444444444444447, 600 },
  { "interview-notes-004", "2026-11-02T08:36:45Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_LEARNING, 0.0038194444444444443, 600 },
  { "interview-notes-001", "2026-11-02T08:40:00Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_LEARNING, 0.0069444444444444441, 172800 },
  { "interview-notes-003", "2026-11-02T08:42:50Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_LEARNING, 0.0069444444444444441, 86400 },
  { "interview-notes-004", "2026-11-02T08:46:45Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_LEARNING, 0.0069444444444444441, 86400 },
  { "llm-training-001", "2026-11-02T19:05:00Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_NEW, 0, 600 },
  { "llm-training-002", "2026-11-02T19:05:25Z", WENDA_RATING_EASY,
    WENDA_CARD_STATE_NEW, 0, 777600 },
  { "llm-training-003", "2026-11-02T19:05:50Z", WENDA_RATING_AGAIN,
    WENDA_CARD_STATE_NEW, 0, 60 },
  { "llm-training-004", "2026-11-02T19:06:15Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_NEW, 0, 600 },
  { "llm-training-003", "2026-11-02T19:06:50Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_LEARNING, 0.00069444444444444447, 600 },
  { "interview-notes-003", "2026-11-05T07:45:10Z", WENDA_RATING_AGAIN,
    WENDA_CARD_STATE_REVIEW, 2.9599537037037038, 600 },
  { "interview-notes-004", "2026-11-05T07:45:35Z", WENDA_RATING_HARD,
    WENDA_CARD_STATE_REVIEW, 2.9575231481481481, 432000 },
  { "interview-notes-001", "2026-11-05T07:46:00Z", WENDA_RATING_AGAIN,
    WENDA_CARD_STATE_REVIEW, 2.9624999999999999, 600 },
  { "interview-notes-003", "2026-11-05T07:55:10Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_RELEARNING, 0.0069444444444444441, 86400 },
  { "system-design-001", "2026-11-05T21:12:40Z", WENDA_RATING_GOOD,
    WENDA_CARD_STATE_NEW, 0, 600 },
  { "system-design-002", "2026-11-05T21:13:05Z", WENDA_RATING_HARD,
    WENDA_CARD_STATE_NEW, 0, 330 },
};

/* wenda_study_store_count() of the cards' ids at 2026-11-06T12:00:00Z */
static const WendaStudyCounts expected_counts = { 1, 5, 4, 1, 7, 2 };

/* The library, in its order (the bundled bank first, not listed) */
static const ExpectedBank expected_banks[] = {
  { "system-design", "system-design.json", "系统设计（复习）", 3 },
  { "interview-notes", "interview-notes.json", "面试笔记", 4 },
};

static const ExpectedItem expected_items[] = {
  { "system-design", "system-design-001", 1,
    "什么是一致性哈希？",
    "把节点和键映射到同一个环上，键归顺时针方向的第一个节点。\n\n增删节点时只移动相邻的一段键。",
    "虚拟节点让负载更均匀。" },
  { "system-design", "system-design-002", 2,
    "缓存穿透、击穿、雪崩有什么区别？",
    "穿透：查不存在的键；击穿：热点键过期；雪崩：大量键同时过期。",
    "" },
  { "system-design", "system-design-003", 3,
    "CAP 定理说了什么？",
    "网络分区时，一致性和可用性只能二选一。",
    "" },
  { "interview-notes", "interview-notes-001", 1,
    "什么是过拟合（Overfitting）？",
    "模型在训练集上表现很好，在新数据上表现差。",
    "可以用正则化、早停或更多数据缓解。" },
  { "interview-notes", "interview-notes-002", 2,
    "什么是批归一化（Batch Normalization）？",
    "对每个小批量的激活做归一化。\n\n训练时用批内统计量，推理时用滑动平均。",
    "" },
  { "interview-notes", "interview-notes-003", 3,
    "学习率太大会怎样？",
    "损失震荡甚至发散。",
    "" },
  { "interview-notes", "interview-notes-004", 4,
    "Dropout 在推理时怎么处理？",
    "关闭 Dropout，并按保留概率缩放（或训练时已做反向缩放）。",
    "PyTorch 的 `nn.Dropout` 在 `model.eval()` 后不再丢弃。" },
};

static const ExpectedSetting expected_settings[] = {
  { "window-width", "1234" },
  { "window-height", "777" },
  { "window-maximized", "true" },
  { "last-topic", "'interview-notes-002'" },
  { "content-mode", "'both'" },
  { "color-scheme", "'dark'" },
  { "text-scale", "1.3" },
  { "last-bank", "'system-design'" },
  { "interval-fuzz", "false" },
};

/* }}} */

/* Helpers {{{ */

typedef struct
{
  char *dir;   /* a folder of the test's own */
} Fixture;

/* Removes @path and all it holds */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wenda-compat-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static gint64
iso (const char *text)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (text == NULL)
    return 0;

  datetime = g_date_time_new_from_iso8601 (text, NULL);
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

/* Copies the fixture @name to @path, which must not exist */
static void
copy_fixture (const char *name,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = unit_read_fixture (name, &length);
  g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

/* A file as it was: its bytes, and which file it was when */
typedef struct
{
  GBytes *bytes;
  GStatBuf stat;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_assert_cmpint (g_stat (path, &snapshot->stat), ==, 0);
  snapshot->bytes = read_bytes (path);
}

/* @path is still the file of @snapshot: not rewritten (the same bytes,
 * the same modification time), not replaced (the same inode), and holds
 * the bytes of the fixture @name */
static void
snapshot_assert_unchanged (Snapshot   *snapshot,
                           const char *path,
                           const char *name)
{
  g_autofree char *fixture = unit_fixture_path (name);
  g_autoptr(GBytes) expected = read_bytes (fixture);
  g_autoptr(GBytes) bytes = read_bytes (path);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_true (g_bytes_equal (bytes, snapshot->bytes));
  g_assert_true (g_bytes_equal (bytes, expected));
  g_assert_cmpuint (buf.st_ino, ==, snapshot->stat.st_ino);
  g_assert_cmpint (buf.st_mtime, ==, snapshot->stat.st_mtime);
  g_assert_cmpint (buf.st_size, ==, snapshot->stat.st_size);
  g_clear_pointer (&snapshot->bytes, g_bytes_unref);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted and joined by spaces, are @expected: nothing
 * was moved aside (PATH.corrupt-…), added or left behind */
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

/* Same bits, not only ==: the file must give back the very doubles */
static void
assert_same_double (double a,
                    double b)
{
  if (memcmp (&a, &b, sizeof a) != 0)
    g_error ("%.17g is not %.17g", a, b);
}

/* }}} */

/* The study file {{{ */

static WendaStudyStore *
load_study (const char *path)
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
assert_card (WendaStudyStore    *store,
             const ExpectedCard *expected)
{
  WendaCard card;

  g_test_message ("card %s", expected->id);
  wenda_study_store_get_card (store, expected->id, &card);
  g_assert_cmpint (card.state, ==, expected->state);
  g_assert_cmpuint (card.step, ==, expected->step);
  assert_same_double (card.stability, expected->stability);
  assert_same_double (card.difficulty, expected->difficulty);
  g_assert_cmpint (card.due, ==, iso (expected->due));
  g_assert_cmpint (card.last_review, ==, iso (expected->last_review));
  g_assert_cmpuint (card.reps, ==, expected->reps);
  g_assert_cmpuint (card.lapses, ==, expected->lapses);
}

static void
assert_review (const WendaStudyLogEntry *entry,
               const ExpectedReview     *expected)
{
  g_assert_cmpstr (entry->id, ==, expected->id);
  g_assert_cmpint (entry->review.time, ==, iso (expected->time));
  g_assert_cmpint (entry->review.rating, ==, expected->rating);
  g_assert_cmpint (entry->review.state, ==, expected->state);
  assert_same_double (entry->review.elapsed_days, expected->elapsed_days);
  g_assert_cmpint (entry->review.interval, ==, expected->interval);
}

static gboolean
is_expected_starred (const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS (expected_starred); i++)
    if (g_str_equal (expected_starred[i], id))
      return TRUE;

  return FALSE;
}

/* Everything 0.1.0 held, but the card of @except (may be NULL), and the
 * first @n_log entries of the log */
static void
assert_study_holds (WendaStudyStore *store,
                    const char      *except,
                    guint            n_log)
{
  const char *ids[G_N_ELEMENTS (expected_cards)];
  WendaStudyCounts counts;

  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), >=, n_log);

  for (gsize i = 0; i < G_N_ELEMENTS (expected_cards); i++)
    {
      ids[i] = expected_cards[i].id;
      if (g_strcmp0 (ids[i], except) != 0)
        assert_card (store, &expected_cards[i]);
      g_assert_cmpint (wenda_study_store_get_starred (store, ids[i]), ==,
                       is_expected_starred (ids[i]));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (expected_starred); i++)
    g_assert_true (wenda_study_store_get_starred (store, expected_starred[i]));

  for (guint i = 0; i < n_log; i++)
    assert_review (wenda_study_store_get_review (store, i), &expected_log[i]);

  if (except == NULL)
    {
      wenda_study_store_count (store, ids, G_N_ELEMENTS (ids), iso ("2026-11-06T12:00:00Z"),
                               &counts);
      g_assert_cmpmem (&counts, sizeof counts, &expected_counts, sizeof expected_counts);
    }
}

/* The fixture has a card in each state, and log entries of each state
 * before the grade: a table that lost one would test less */
static void
test_study_covers_states (void)
{
  guint cards = 0, log = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (expected_cards); i++)
    cards |= 1u << expected_cards[i].state;
  for (gsize i = 0; i < G_N_ELEMENTS (expected_log); i++)
    log |= 1u << expected_log[i].state;

  g_assert_cmpuint (cards, ==, 0xf);
  g_assert_cmpuint (log, ==, 0xf);
}

static void
test_study_load (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.json", NULL);
  g_autoptr(WendaStudyStore) store = NULL;
  Snapshot before;

  copy_fixture (STUDY_FILE, path);
  snapshot_take (&before, path);

  store = load_study (path);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (store), ==, G_N_ELEMENTS (expected_log));
  assert_study_holds (store, NULL, G_N_ELEMENTS (expected_log));

  /* Loading neither rewrote, replaced nor moved it */
  snapshot_assert_unchanged (&before, path, STUDY_FILE);
  assert_dir_is (f->dir, "study.json");
}

/* A save by this version, then another grade: all of 0.1.0's data stays */
static void
test_study_save_keeps (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.json", NULL);
  g_autoptr(WendaScheduler) scheduler = wenda_scheduler_new ();
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(WendaStudyStore) third = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const ExpectedCard *graded = NULL;
  const WendaStudyLogEntry *entry;
  JsonObject *root;
  WendaCard card;

  copy_fixture (STUDY_FILE, path);
  store = load_study (path);
  g_assert_true (wenda_study_store_save (store, &error));
  g_assert_no_error (error);

  again = load_study (path);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (again), ==, G_N_ELEMENTS (expected_log));
  assert_study_holds (again, NULL, G_N_ELEMENTS (expected_log));

  /* The review card that is due first */
  for (gsize i = 0; i < G_N_ELEMENTS (expected_cards); i++)
    if (expected_cards[i].state == WENDA_CARD_STATE_REVIEW &&
        (graded == NULL || iso (expected_cards[i].due) < iso (graded->due)))
      graded = &expected_cards[i];
  g_assert_nonnull (graded);

  g_assert_true (wenda_study_store_grade (again, scheduler, graded->id, WENDA_RATING_GOOD,
                                          iso (graded->due) + 3600, &card, &error));
  g_assert_no_error (error);
  wenda_study_store_set_starred (again, "system-design-001", TRUE);
  g_assert_true (wenda_study_store_save (again, &error));
  g_assert_no_error (error);
  assert_dir_is (f->dir, "study.json");

  third = load_study (path);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (third), ==, G_N_ELEMENTS (expected_log) + 1);
  /* The new star, taken away again for the check of the old ones */
  g_assert_true (wenda_study_store_get_starred (third, "system-design-001"));
  wenda_study_store_set_starred (third, "system-design-001", FALSE);
  assert_study_holds (third, graded->id, G_N_ELEMENTS (expected_log));

  entry = wenda_study_store_get_review (third, G_N_ELEMENTS (expected_log));
  g_assert_cmpstr (entry->id, ==, graded->id);
  g_assert_cmpint (entry->review.state, ==, WENDA_CARD_STATE_REVIEW);
  wenda_study_store_get_card (third, graded->id, &card);
  g_assert_cmpuint (card.reps, ==, graded->reps + 1);
  g_assert_cmpint (card.last_review, ==, iso (graded->due) + 3600);

  /* No card lost or made up on the way */
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "cards")), ==,
                    G_N_ELEMENTS (expected_cards));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "starred")), ==,
                    G_N_ELEMENTS (expected_starred) + 1);
}

/* }}} */

/* The library {{{ */

static char *
copy_banks (Fixture *f)
{
  char *dir = g_build_filename (f->dir, "banks", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (expected_banks); i++)
    {
      g_autofree char *name = g_build_filename (BANKS_DIR, expected_banks[i].basename, NULL);
      g_autofree char *path = g_build_filename (dir, expected_banks[i].basename, NULL);

      copy_fixture (name, path);
    }

  return dir;
}

static WendaLibrary *
load_library (const char *dir,
              WendaBank  *bundled)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  WendaLibrary *library = wenda_library_new (dir, bundled);

  g_assert_true (wenda_library_load (library, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  return library;
}

static void
assert_bank_items (WendaLibraryBank *entry)
{
  WendaBank *bank = wenda_library_bank_get_bank (entry);
  guint n = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (expected_items); i++)
    {
      const ExpectedItem *expected = &expected_items[i];
      g_autoptr(WendaQaItem) item = NULL;

      if (!g_str_equal (expected->bank, wenda_library_bank_get_id (entry)))
        continue;

      item = g_list_model_get_item (G_LIST_MODEL (bank), n++);
      g_assert_nonnull (item);
      g_assert_cmpstr (wenda_qa_item_get_id (item), ==, expected->id);
      g_assert_cmpuint (wenda_qa_item_get_number (item), ==, expected->number);
      g_assert_cmpstr (wenda_qa_item_get_question (item), ==, expected->question);
      g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, expected->answer);
      g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, expected->explanation);
      g_assert_true (wenda_bank_lookup_id (bank, expected->id) != NULL);
    }

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, n);
}

/* The library holds 0.1.0's banks, in 0.1.0's order; @renamed_id (may be
 * NULL) has the title @renamed_title instead */
static void
assert_library_holds (WendaLibrary *library,
                      const char   *dir,
                      const char   *renamed_id,
                      const char   *renamed_title)
{
  g_autoptr(WendaLibraryBank) bundled = g_list_model_get_item (G_LIST_MODEL (library), 0);

  g_assert_true (wenda_library_bank_is_bundled (bundled));

  for (gsize i = 0; i < G_N_ELEMENTS (expected_banks); i++)
    {
      const ExpectedBank *expected = &expected_banks[i];
      WendaLibraryBank *entry = wenda_library_lookup (library, expected->id);
      g_autofree char *path = g_build_filename (dir, expected->basename, NULL);
      gboolean renamed = g_strcmp0 (expected->id, renamed_id) == 0;

      g_test_message ("bank %s", expected->id);
      g_assert_nonnull (entry);
      g_assert_false (wenda_library_bank_is_bundled (entry));
      g_assert_cmpstr (wenda_library_bank_get_path (entry), ==, path);
      g_assert_cmpstr (wenda_library_bank_get_title (entry), ==,
                       renamed ? renamed_title : expected->title);
      g_assert_cmpstr (wenda_bank_get_title (wenda_library_bank_get_bank (entry)), ==,
                       renamed ? renamed_title : expected->title);
      g_assert_cmpuint (wenda_library_bank_get_n_items (entry), ==, expected->n_items);
      assert_bank_items (entry);

      if (renamed_id == NULL)
        {
          g_autoptr(WendaLibraryBank) nth = g_list_model_get_item (G_LIST_MODEL (library), 1 + i);

          g_assert_true (nth == entry);
        }
    }
}

static void
test_library_load (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = copy_banks (f);
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(WendaLibrary) library = NULL;
  Snapshot before[G_N_ELEMENTS (expected_banks)];
  GString *names = g_string_new (NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (expected_banks); i++)
    {
      g_autofree char *path = g_build_filename (dir, expected_banks[i].basename, NULL);

      snapshot_take (&before[i], path);
      g_ptr_array_add (sorted, (gpointer)expected_banks[i].basename);
    }

  library = load_library (dir, bundled);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==,
                    1 + G_N_ELEMENTS (expected_banks));
  assert_library_holds (library, dir, NULL, NULL);

  /* The renamed bank keeps its id, and so its items' ids */
  g_assert_cmpstr (wenda_library_bank_get_title (wenda_library_lookup (library, "system-design")),
                   ==, "系统设计（复习）");

  for (gsize i = 0; i < G_N_ELEMENTS (expected_banks); i++)
    {
      g_autofree char *name = g_build_filename (BANKS_DIR, expected_banks[i].basename, NULL);
      g_autofree char *path = g_build_filename (dir, expected_banks[i].basename, NULL);

      snapshot_assert_unchanged (&before[i], path, name);
    }

  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", (char *)g_ptr_array_index (sorted, i));
  listing = g_string_free (names, FALSE);
  assert_dir_is (dir, listing);
}

/* Renaming a bank again and importing another: the old banks keep all
 * they had, and their ids stay taken */
static void
test_library_save_keeps (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir = copy_banks (f);
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(WendaLibrary) library = load_library (dir, bundled);
  g_autoptr(WendaLibrary) again = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *renamed = expected_banks[0].id;

  g_assert_true (wenda_library_rename (library, wenda_library_lookup (library, renamed),
                                       "改过两次的题库", &error));
  g_assert_no_error (error);

  id = wenda_library_make_id (library, "Interview Notes.md");
  g_assert_cmpstr (id, !=, "interview-notes");
  g_ptr_array_add (items, wenda_qa_item_new ("interview-notes-2-001", 1, "新题？", "新答案。", ""));
  bank = wenda_bank_new ("新导入", items);
  g_assert_nonnull (wenda_library_add (library, id, bank, &error));
  g_assert_no_error (error);

  again = load_library (dir, bundled);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==,
                    2 + G_N_ELEMENTS (expected_banks));
  assert_library_holds (again, dir, renamed, "改过两次的题库");
  g_assert_nonnull (wenda_library_lookup (again, id));
}

/* What the study file has progress for is still there to study: the ids
 * are in the imported banks or in the bundled one */
static void
test_progress_matches_items (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = copy_banks (f);
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(WendaLibrary) library = load_library (dir, bundled);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n_imported = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (expected_cards); i++)
    g_ptr_array_add (ids, (gpointer)expected_cards[i].id);
  for (gsize i = 0; i < G_N_ELEMENTS (expected_starred); i++)
    g_ptr_array_add (ids, (gpointer)expected_starred[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (expected_log); i++)
    g_ptr_array_add (ids, (gpointer)expected_log[i].id);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *item_id = g_ptr_array_index (ids, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (library)); j++)
        {
          g_autoptr(WendaLibraryBank) entry = g_list_model_get_item (G_LIST_MODEL (library), j);

          if (wenda_bank_lookup_id (wenda_library_bank_get_bank (entry), item_id) != NULL)
            {
              found = TRUE;
              n_imported += !wenda_library_bank_is_bundled (entry);
            }
        }

      if (!found)
        g_error ("“%s” is in no bank", item_id);
    }

  g_assert_cmpuint (n_imported, >, 0);
}

/* }}} */

/* Settings {{{ */

static GSettingsSchema *
lookup_schema (void)
{
  const char *dir = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GSettingsSchema *schema;

  /* The build tree's, not one installed on the machine */
  g_assert_nonnull (dir);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
  g_assert_nonnull (schema);

  return schema;
}

static const ExpectedSetting *
find_setting (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (expected_settings); i++)
    if (g_str_equal (expected_settings[i].key, key))
      return &expected_settings[i];

  return NULL;
}

/* What @range, of the key in 0.1.0, allowed, @key still allows */
static void
assert_old_range_allowed (GSettingsSchemaKey *key,
                          GVariant           *range)
{
  const char *kind;
  g_autoptr(GVariant) detail = NULL;

  g_variant_get (range, "(&sv)", &kind, &detail);

  if (g_str_equal (kind, "range"))
    {
      /* Both ends: the new range is at least as wide */
      g_autoptr(GVariant) min = g_variant_get_child_value (detail, 0);
      g_autoptr(GVariant) max = g_variant_get_child_value (detail, 1);

      g_assert_true (g_settings_schema_key_range_check (key, min));
      g_assert_true (g_settings_schema_key_range_check (key, max));
    }
  else if (g_str_equal (kind, "enum") || g_str_equal (kind, "flags"))
    {
      /* Every nick, so a stored one still reads */
      for (gsize i = 0; i < g_variant_n_children (detail); i++)
        {
          g_autoptr(GVariant) nick = g_variant_get_child_value (detail, i);
          g_autoptr(GVariant) value = NULL;

          if (g_str_equal (kind, "flags"))
            {
              const char *one = g_variant_get_string (nick, NULL);

              value = g_variant_ref_sink (g_variant_new_strv (&one, 1));
            }
          else
            {
              value = g_variant_ref (nick);
            }
          g_assert_true (g_settings_schema_key_range_check (key, value));
        }
    }
  else
    {
      g_assert_cmpstr (kind, ==, "type");
    }
}

/* Every key of 0.1.0's schema is in data/'s, with the same type and
 * default, and takes every value 0.1.0 took */
static void
test_settings_schema (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GKeyFile) record = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = unit_fixture_path (SCHEMA_RECORD);
  g_auto(GStrv) keys = NULL;
  gsize n_keys;

  g_key_file_load_from_file (record, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  keys = g_key_file_get_groups (record, &n_keys);

  /* The record and the table name the same keys */
  g_assert_cmpuint (n_keys, ==, G_N_ELEMENTS (expected_settings));
  for (gsize i = 0; i < n_keys; i++)
    g_assert_nonnull (find_setting (keys[i]));

  for (gsize i = 0; i < n_keys; i++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autofree char *type_text = g_key_file_get_string (record, keys[i], "type", &error);
      g_autofree char *default_text = NULL;
      g_autofree char *range_text = NULL;
      g_autoptr(GVariantType) type = NULL;
      g_autoptr(GVariant) old_default = NULL;
      g_autoptr(GVariant) new_default = NULL;
      g_autoptr(GVariant) range = NULL;

      g_test_message ("key %s", keys[i]);
      g_assert_no_error (error);
      default_text = g_key_file_get_string (record, keys[i], "default", &error);
      g_assert_no_error (error);
      range_text = g_key_file_get_string (record, keys[i], "range", &error);
      g_assert_no_error (error);

      g_assert_true (g_settings_schema_has_key (schema, keys[i]));
      key = g_settings_schema_get_key (schema, keys[i]);

      g_assert_true (g_variant_type_string_is_valid (type_text));
      type = g_variant_type_new (type_text);
      g_assert_true (g_variant_type_equal (g_settings_schema_key_get_value_type (key), type));

      old_default = g_variant_parse (type, default_text, NULL, NULL, &error);
      g_assert_no_error (error);
      new_default = g_settings_schema_key_get_default_value (key);
      g_assert_true (g_variant_equal (old_default, new_default));

      range = g_variant_parse (G_VARIANT_TYPE ("(sv)"), range_text, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_old_range_allowed (key, range);
    }
}

static GSettings *
keyfile_settings (GSettingsSchema *schema,
                  const char      *path)
{
  g_autoptr(GSettingsBackend) backend = NULL;

  /* As GLib reads it in a Flatpak sandbox: root path "/", no root group */
  backend = g_keyfile_settings_backend_new (path, "/", NULL);
  return g_settings_new_full (schema, backend, NULL);
}

static void
assert_settings_hold (GSettings       *settings,
                      GSettingsSchema *schema,
                      const char      *except)
{
  for (gsize i = 0; i < G_N_ELEMENTS (expected_settings); i++)
    {
      const char *name = expected_settings[i].key;
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, name);
      g_autoptr(GVariant) expected = NULL;
      g_autoptr(GVariant) user = NULL;
      g_autoptr(GVariant) value = NULL;
      g_autoptr(GVariant) fallback = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (name, except) == 0)
        continue;

      g_test_message ("key %s", name);
      expected = g_variant_parse (g_settings_schema_key_get_value_type (key),
                                  expected_settings[i].value, NULL, NULL, &error);
      g_assert_no_error (error);

      /* The keyfile's value, read, of the right type and in range (else
       * GSettings falls back to the default) */
      user = g_settings_get_user_value (settings, name);
      g_assert_nonnull (user);
      g_assert_true (g_variant_equal (user, expected));
      value = g_settings_get_value (settings, name);
      g_assert_true (g_variant_equal (value, expected));
      fallback = g_settings_schema_key_get_default_value (key);
      g_assert_false (g_variant_equal (value, fallback));
    }
}

static void
test_settings_keyfile (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "keyfile", NULL);
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettings) settings = NULL;
  Snapshot before;

  copy_fixture (KEYFILE, path);
  snapshot_take (&before, path);

  settings = keyfile_settings (schema, path);
  assert_settings_hold (settings, schema, NULL);

  /* As the app reads them */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1234);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_enum (settings, "content-mode"), ==, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 1.3);
  g_assert_false (g_settings_get_boolean (settings, "interval-fuzz"));
  g_clear_object (&settings);

  snapshot_assert_unchanged (&before, path, KEYFILE);
  assert_dir_is (f->dir, "keyfile");
}

/* A setting changed by this version: the file keeps the others */
static void
test_settings_save_keeps (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "keyfile", NULL);
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *fixture = unit_fixture_path (KEYFILE);
  g_autoptr(GKeyFile) old = g_key_file_new ();
  g_autoptr(GKeyFile) saved = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  copy_fixture (KEYFILE, path);
  settings = keyfile_settings (schema, path);
  g_assert_true (g_settings_set_int (settings, "window-width", 1500));
  g_settings_sync ();
  g_clear_object (&settings);

  /* The keyfile backend writes at once */
  g_key_file_load_from_file (saved, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_key_file_load_from_file (old, fixture, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  groups = g_key_file_get_groups (old, NULL);
  for (gsize i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (old, groups[i], NULL, &error);

      g_assert_no_error (error);
      for (gsize j = 0; keys[j] != NULL; j++)
        {
          g_autofree char *a = g_key_file_get_value (old, groups[i], keys[j], &error);
          g_autofree char *b = g_key_file_get_value (saved, groups[i], keys[j], &error);

          g_assert_no_error (error);
          if (!g_str_equal (keys[j], "window-width"))
            g_assert_cmpstr (b, ==, a);
        }
    }

  settings = keyfile_settings (schema, path);
  assert_settings_hold (settings, schema, "window-width");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1500);
}

/* }}} */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Wenda/Compat/0.1.0/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/Wenda/Compat/0.1.0/study/covers-states", test_study_covers_states);
  ADD ("study/load", test_study_load);
  ADD ("study/save-keeps", test_study_save_keeps);
  ADD ("library/load", test_library_load);
  ADD ("library/save-keeps", test_library_save_keeps);
  ADD ("library/progress-matches-items", test_progress_matches_items);
  g_test_add_func ("/Wenda/Compat/0.1.0/settings/schema", test_settings_schema);
  ADD ("settings/keyfile", test_settings_keyfile);
  ADD ("settings/save-keeps", test_settings_save_keeps);

#undef ADD

  return g_test_run ();
}
