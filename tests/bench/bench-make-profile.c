/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

/*
 * bench-make-profile: writes the inputs of the benchmarks.
 *
 *   bench-make-profile --size BYTES --key KEY [--picture URL] -o FILE
 *     A profile object (the API's `data`) of about BYTES bytes, with the
 *     shape HrFlow sends: a career of experiences that each carry skills,
 *     tasks and certifications, educations, and a long top-level skill
 *     list.  The content is made up from word lists with a fixed seed, so
 *     that every run serves the same bytes.
 *
 *   bench-make-profile --jpeg WIDTHxHEIGHT -o FILE
 *     A photo-like JPEG (gradients and grain, so that it neither compresses
 *     to nothing nor decodes faster than a real photo).
 *
 * A developer tool: its messages are not translated.
 */

static const char * const titles[] = {
  "Business Analyst", "Software Engineer", "Data Scientist", "Project Manager",
  "Product Owner", "Recruiter", "Sales Manager", "Account Executive",
  "Quality Engineer", "Technical Writer", "Designer", "Marketing Lead",
  "Operations Manager", "Financial Controller", "Nurse", "Site Manager",
};

static const char * const companies[] = {
  "Banque Nationale", "Acme Industries", "Globex", "Initech", "Umbrella Logistics",
  "Hooli", "Vandelay Import Export", "Stark Manufacturing", "Wayne Holdings",
  "Soylent Foods", "Tyrell Systems", "Cyberdyne Research", "Massive Dynamic",
};

static const char * const cities[] = {
  "Montréal, QC, Canada", "Paris, France", "Lyon, France", "Berlin, Germany",
  "Madrid, Spain", "London, United Kingdom", "Toronto, ON, Canada",
  "Casablanca, Morocco", "São Paulo, Brazil", "Zürich, Switzerland",
};

static const char * const words[] = {
  "delivered", "web", "transactional", "solutions", "for", "the", "retail",
  "banking", "team", "and", "managed", "a", "budget", "of", "several", "projects",
  "with", "partners", "across", "regions", "improved", "reporting", "processes",
  "led", "migration", "to", "cloud", "services", "trained", "new", "hires",
  "negotiated", "contracts", "built", "dashboards", "customers", "quality",
};

static const char * const skills[] = {
  "python", "sql", "excel", "project management", "communication", "leadership",
  "java", "c", "negotiation", "scrum", "agile", "customer service", "english",
  "french", "spanish", "data analysis", "machine learning", "accounting",
  "public speaking", "teamwork", "problem solving", "marketing", "sales",
  "recruiting", "linux", "docker", "kubernetes", "design thinking", "writing",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static void
append_sentence (GString *out,
                 GRand   *rand,
                 int      n_words)
{
  for (int i = 0; i < n_words; i++)
    {
      const char *word = PICK (rand, words);

      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          g_string_append (out, word);
        }
    }
  g_string_append_c (out, '.');
}

static void
append_key (GString *out,
            GRand   *rand)
{
  for (int i = 0; i < 40; i++)
    g_string_append_c (out, "0123456789abcdef"[g_rand_int_range (rand, 0, 16)]);
}

static void
append_skill (GString *out,
              GRand   *rand,
              guint    serial)
{
  /* A serial number keeps names distinct, as a long real list is. */
  g_string_append_printf (out, "{\"name\":\"%s %u\",\"type\":\"%s\",\"value\":null}",
                          PICK (rand, skills), serial,
                          g_rand_boolean (rand) ? "hard" : "soft");
}

static void
append_named (GString    *out,
              GRand      *rand,
              const char *prefix)
{
  g_string_append_printf (out, "{\"name\":\"%s ", prefix);
  append_sentence (out, rand, 3);
  g_string_append (out, "\",\"value\":null}");
}

static void
append_location (GString *out,
                 GRand   *rand)
{
  g_string_append_printf (out,
                          "{\"text\":\"%s\",\"lat\":%.6f,\"lng\":%.6f,\"gmaps\":null,\"fields\":[]}",
                          PICK (rand, cities),
                          g_rand_double_range (rand, -60, 60),
                          g_rand_double_range (rand, -120, 120));
}

static void
append_experience (GString    *out,
                   GRand      *rand,
                   guint       index,
                   gboolean    education,
                   guint      *skill_serial)
{
  int year = 2023 - (int) (index % 40);
  int n_skills = g_rand_int_range (rand, 4, 10);

  g_string_append (out, "{\"key\":\"");
  append_key (out, rand);
  g_string_append_printf (out, "\",\"title\":\"%s\",\"description\":\"", PICK (rand, titles));
  append_sentence (out, rand, g_rand_int_range (rand, 12, 40));
  g_string_append_c (out, ' ');
  append_sentence (out, rand, g_rand_int_range (rand, 8, 20));
  g_string_append (out, "\",\"location\":");
  append_location (out, rand);
  g_string_append_printf (out,
                          ",\"date_start\":\"%d-%02d-01T00:00:00\",\"date_end\":%s,"
                          "\"%s\":\"%s\",",
                          year, g_rand_int_range (rand, 1, 13),
                          index == 0 ? "\"1969-12-31T23:59:59\"" : "\"2024-01-01T00:00:00\"",
                          education ? "school" : "company",
                          education ? "University of Montréal" : PICK (rand, companies));
  g_string_append (out, "\"certifications\":[");
  append_named (out, rand, "Certificate");
  g_string_append (out, "],\"courses\":[");
  append_named (out, rand, "Course");
  g_string_append (out, "],\"tasks\":[");
  append_named (out, rand, "Task");
  g_string_append_c (out, ',');
  append_named (out, rand, "Task");
  g_string_append (out, "],\"skills\":[");
  for (int i = 0; i < n_skills; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_skill (out, rand, (*skill_serial)++);
    }
  g_string_append (out, "]}");
}

static GString *
make_profile (gsize       target,
              const char *key,
              const char *picture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autoptr(GString) experiences = g_string_new (NULL);
  g_autoptr(GString) educations = g_string_new (NULL);
  g_autoptr(GString) top_skills = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  GString *out = g_string_sized_new (target + 4096);
  guint skill_serial = 0;
  guint n_experiences = 0, n_educations = 0, n_skills = 0;
  /* About what the fixed members below take. */
  const gsize fixed = 2200;

  /* Grow every list in the same proportions until the target is reached:
   * per round an experience, five top-level skills, a sentence of resume
   * text, and an education every eighth round. */
  do
    {
      if (n_experiences > 0)
        g_string_append_c (experiences, ',');
      append_experience (experiences, rand, n_experiences++, FALSE, &skill_serial);

      if (n_experiences % 8 == 1)
        {
          if (n_educations > 0)
            g_string_append_c (educations, ',');
          append_experience (educations, rand, n_educations++, TRUE, &skill_serial);
        }

      for (int i = 0; i < 5; i++)
        {
          if (n_skills++ > 0)
            g_string_append_c (top_skills, ',');
          append_skill (top_skills, rand, skill_serial++);
        }

      append_sentence (text, rand, 20);
      g_string_append_c (text, ' ');
    }
  while (fixed + experiences->len + educations->len + top_skills->len + text->len < target);

  g_string_append (out, "{\"id\":1234,\"key\":\"");
  g_string_append (out, key);
  g_string_append (out, "\",\"reference\":\"bench-");
  g_string_append (out, key);
  g_string_append (out,
                   "\",\"archive\":null,\"archived_at\":null,"
                   "\"consent_algorithmic\":{\"owner\":{\"parsing\":true,\"revealing\":false,"
                   "\"embedding\":true,\"searching\":false,\"scoring\":true,\"reasoning\":false},"
                   "\"controller\":{\"parsing\":true,\"revealing\":false,\"embedding\":true,"
                   "\"searching\":false,\"scoring\":true,\"reasoning\":false}},"
                   "\"source\":{\"id\":42,\"key\":\"bench\",\"name\":\"Benchmark\","
                   "\"type\":\"api\",\"subtype\":\"api\"},"
                   "\"updated_at\":\"2020-07-24T14:17:34+0000\","
                   "\"created_at\":\"2020-04-23T08:18:54+0000\","
                   "\"info\":{\"full_name\":\"Camille Durand\",\"first_name\":\"Camille\","
                   "\"last_name\":\"Durand\",\"date_birth\":\"1990-08-09T00:00:00+0000\","
                   "\"email\":\"camille.durand@example.com\",\"phone\":\"+33 1 23 45 67 89\","
                   "\"location\":");
  append_location (out, rand);
  g_string_append (out, ",\"urls\":[{\"type\":\"linkedin\",\"url\":\"https://www.linkedin.com/in/camille\"},"
                        "{\"type\":\"github\",\"url\":\"https://github.com/camille\"},"
                        "{\"type\":\"from_resume\",\"url\":[\"https://camille.example.com\"]}],"
                        "\"picture\":");
  if (picture != NULL)
    g_string_append_printf (out, "\"%s\"", picture);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"gender\":\"female\",\"summary\":\"");
  append_sentence (out, rand, 40);
  g_string_append (out, "\"},\"text_language\":\"en\",\"text\":\"");
  g_string_append_len (out, text->str, text->len);
  g_string_append (out, "\",\"experiences_duration\":12.5,\"educations_duration\":5,"
                        "\"experiences\":[");
  g_string_append_len (out, experiences->str, experiences->len);
  g_string_append (out, "],\"educations\":[");
  g_string_append_len (out, educations->str, educations->len);
  g_string_append (out, "],\"attachments\":[{\"type\":\"resume\",\"alt\":\"Resume\","
                        "\"file_size\":123456,\"file_name\":\"resume.pdf\","
                        "\"original_file_name\":\"CV Camille Durand.pdf\",\"extension\":\".pdf\","
                        "\"public_url\":\"https://storage.example.com/resume.pdf\","
                        "\"created_at\":\"2020-04-23T08:18:54+0000\","
                        "\"updated_at\":\"2020-04-23T08:18:54+0000\"}],"
                        "\"skills\":[");
  g_string_append_len (out, top_skills->str, top_skills->len);
  g_string_append (out, "],\"languages\":[{\"name\":\"English\",\"value\":\"fluent\"},"
                        "{\"name\":\"French\",\"value\":\"native\"}],"
                        "\"interests\":[{\"name\":\"football\",\"value\":null}],"
                        "\"certifications\":[],\"courses\":[],\"tasks\":[],"
                        "\"labels\":[{\"board_key\":\"b\",\"job_key\":\"j\",\"job_reference\":\"r\","
                        "\"stage\":\"yes\",\"date_stage\":\"2021-02-21T02:18:12+0000\","
                        "\"rating\":4,\"date_rating\":1613874000000}],"
                        "\"tags\":[{\"name\":\"archive\",\"value\":false}],\"metadatas\":[]}");

  g_printerr ("bench-make-profile: %zu bytes, %u experiences, %u educations, "
              "%u skills (%u top-level)\n",
              out->len, n_experiences, n_educations, skill_serial, n_skills);
  return out;
}

/* A photo stand-in: smooth colour fields with grain. */
static GdkPixbuf *
make_picture (int width,
              int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    {
      guchar *row = pixels + (gsize) y * stride;

      for (int x = 0; x < width; x++)
        {
          int grain = g_rand_int_range (rand, -24, 25);
          int r = 80 + 120 * x / width + grain;
          int g = 60 + 150 * y / height + grain;
          int b = 140 + ((x / 97 + y / 61) % 7) * 12 + grain;

          row[3 * x] = CLAMP (r, 0, 255);
          row[3 * x + 1] = CLAMP (g, 0, 255);
          row[3 * x + 2] = CLAMP (b, 0, 255);
        }
    }

  return g_steal_pointer (&pixbuf);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *key = NULL;
  g_autofree char *picture = NULL;
  g_autofree char *jpeg = NULL;
  gint64 size = 0;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT64, &size, "Approximate size of the profile in bytes", "BYTES" },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, "The profile's key", "KEY" },
    { "picture", 0, 0, G_OPTION_ARG_STRING, &picture, "URL of the profile's picture", "URL" },
    { "jpeg", 0, 0, G_OPTION_ARG_STRING, &jpeg, "Write a JPEG picture of this size instead", "WxH" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write", "FILE" },
    { NULL }
  };

  context = g_option_context_new ("- make benchmark inputs");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL)
    {
      g_printerr ("bench-make-profile: %s\n", error != NULL ? error->message : "-o FILE is required");
      return 2;
    }

  if (jpeg != NULL)
    {
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      int width, height;

      if (sscanf (jpeg, "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0)
        {
          g_printerr ("bench-make-profile: --jpeg wants WIDTHxHEIGHT\n");
          return 2;
        }
      pixbuf = make_picture (width, height);
      if (!gdk_pixbuf_save (pixbuf, output, "jpeg", &error, "quality", "90", NULL))
        {
          g_printerr ("bench-make-profile: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (size <= 0 || key == NULL)
    {
      g_printerr ("bench-make-profile: --size and --key are required\n");
      return 2;
    }

  {
    g_autoptr(GString) profile = make_profile ((gsize) size, key, picture);

    if (!g_file_set_contents (output, profile->str, profile->len, &error))
      {
        g_printerr ("bench-make-profile: %s\n", error->message);
        return 1;
      }
  }

  return 0;
}
