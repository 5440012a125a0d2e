/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-error.h"
#include "dossier-json-text.h"

/* Index of the byte after the string that starts at @pos (an opening
 * quote), or @length when it is unterminated. */
static gsize
skip_string (const char *text,
             gsize       length,
             gsize       pos)
{
  for (pos++; pos < length; pos++)
    {
      if (text[pos] == '\\')
        pos++;
      else if (text[pos] == '"')
        return pos + 1;
    }
  return length;
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gsize
skip_space (const char *text,
            gsize       length,
            gsize       pos)
{
  while (pos < length && is_json_space (text[pos]))
    pos++;
  return pos;
}

gboolean
dossier_json_check_depth (const char  *text,
                          gsize        length,
                          guint        max_depth,
                          GError     **error)
{
  guint depth = 0;

  for (gsize pos = 0; pos < length; )
    {
      char c = text[pos];

      if (c == '"')
        {
          pos = skip_string (text, length, pos);
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_DEEP,
                           _("The answer nests data more than %u levels deep, which Dossier refuses to read."),
                           max_depth);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;

      pos++;
    }

  return TRUE;
}

/* Index of the byte after the value that starts at @pos. */
static gsize
skip_value (const char *text,
            gsize       length,
            gsize       pos)
{
  guint depth = 0;

  while (pos < length)
    {
      char c = text[pos];

      if (c == '"')
        {
          pos = skip_string (text, length, pos);
          if (depth == 0)
            return pos;
          continue;
        }
      if (c == '[' || c == '{')
        depth++;
      else if (c == ']' || c == '}')
        {
          if (depth == 0)
            return pos;   /* the end of the enclosing container */
          if (--depth == 0)
            return pos + 1;
        }
      else if (depth == 0 && (c == ',' || is_json_space (c)))
        return pos;

      pos++;
    }

  return pos;
}

gboolean
dossier_json_find_member (const char *text,
                          gsize       length,
                          const char *name,
                          gsize      *value_start,
                          gsize      *value_end)
{
  gsize name_length = strlen (name);
  gboolean found = FALSE;
  gsize pos;

  pos = skip_space (text, length, 0);
  if (pos >= length || text[pos] != '{')
    return FALSE;
  pos++;

  while (pos < length)
    {
      gsize key_start, key_end, start, end;

      pos = skip_space (text, length, pos);
      if (pos >= length || text[pos] != '"')
        break;

      key_start = pos + 1;
      pos = skip_string (text, length, pos);
      key_end = pos - 1;

      pos = skip_space (text, length, pos);
      if (pos >= length || text[pos] != ':')
        break;
      pos = skip_space (text, length, pos + 1);

      start = pos;
      end = skip_value (text, length, pos);
      if (end <= start)
        break;

      if (key_end - key_start == name_length &&
          memcmp (text + key_start, name, name_length) == 0)
        {
          *value_start = start;
          *value_end = end;
          found = TRUE;
        }

      pos = skip_space (text, length, end);
      if (pos >= length || text[pos] != ',')
        break;
      pos++;
    }

  return found;
}

static void
append_newline (GString *out,
                guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

GBytes *
dossier_json_pretty_print (const char *text,
                           gsize       length)
{
  GString *out = g_string_sized_new (length + length / 2 + 2);
  guint depth = 0;
  gsize pos = 0;

  while (pos < length)
    {
      char c = text[pos];

      if (is_json_space (c))
        {
          pos++;
          continue;
        }

      switch (c)
        {
        case '"':
          {
            gsize end = skip_string (text, length, pos);
            g_string_append_len (out, text + pos, end - pos);
            pos = end;
            continue;
          }

        case '{':
        case '[':
          {
            char closing = c == '{' ? '}' : ']';
            gsize next = skip_space (text, length, pos + 1);

            /* Empty containers stay on one line: "[]", "{}". */
            if (next < length && text[next] == closing)
              {
                g_string_append_c (out, c);
                g_string_append_c (out, closing);
                pos = next + 1;
                continue;
              }
            g_string_append_c (out, c);
            depth++;
            append_newline (out, depth);
            break;
          }

        case '}':
        case ']':
          depth = depth > 0 ? depth - 1 : 0;
          append_newline (out, depth);
          g_string_append_c (out, c);
          break;

        case ',':
          g_string_append_c (out, ',');
          append_newline (out, depth);
          break;

        case ':':
          g_string_append (out, ": ");
          break;

        default:
          {
            /* A number or a literal: copy it as it is. */
            gsize end = pos;
            while (end < length && !is_json_space (text[end]) &&
                   strchr (",:[]{}\"", text[end]) == NULL)
              end++;
            g_string_append_len (out, text + pos, end - pos);
            pos = end;
            continue;
          }
        }

      pos++;
    }

  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}
