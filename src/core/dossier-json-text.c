/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-error.h"
#include "dossier-json-text.h"

/* Character classes for the scanners below, so that their hot loops test
 * one table entry per byte: they run over whole answers, several times. */
enum
{
  CLASS_STRING_STOP = 1 << 0,   /* ends a run of plain string bytes: " \ */
  CLASS_TOKEN_STOP  = 1 << 1,   /* ends a number or literal: space , : [ ] { } " */
  CLASS_SPACE       = 1 << 2,
  CLASS_NESTED_STOP = 1 << 3,   /* matters inside a container: " [ ] { } */
};

static const guint8 char_class[256] = {
  ['"'] = CLASS_STRING_STOP | CLASS_TOKEN_STOP | CLASS_NESTED_STOP,
  ['\\'] = CLASS_STRING_STOP,
  [' '] = CLASS_TOKEN_STOP | CLASS_SPACE,
  ['\t'] = CLASS_TOKEN_STOP | CLASS_SPACE,
  ['\n'] = CLASS_TOKEN_STOP | CLASS_SPACE,
  ['\r'] = CLASS_TOKEN_STOP | CLASS_SPACE,
  [','] = CLASS_TOKEN_STOP,
  [':'] = CLASS_TOKEN_STOP,
  ['['] = CLASS_TOKEN_STOP | CLASS_NESTED_STOP,
  [']'] = CLASS_TOKEN_STOP | CLASS_NESTED_STOP,
  ['{'] = CLASS_TOKEN_STOP | CLASS_NESTED_STOP,
  ['}'] = CLASS_TOKEN_STOP | CLASS_NESTED_STOP,
};

/* Index of the byte after the string that starts at @pos (an opening
 * quote), or @length when it is unterminated. */
static gsize
skip_string (const char *text,
             gsize       length,
             gsize       pos)
{
  for (pos++; pos < length; pos++)
    {
      while (pos < length && (char_class[(guchar) text[pos]] & CLASS_STRING_STOP) == 0)
        pos++;
      if (pos >= length)
        break;
      if (text[pos] == '\\')
        pos++;
      else
        return pos + 1;
    }
  return length;
}

/* Index of the next byte from @pos that is a quote or a bracket. */
static inline gsize
skip_to_nested_stop (const char *text,
                     gsize       length,
                     gsize       pos)
{
  while (pos < length && (char_class[(guchar) text[pos]] & CLASS_NESTED_STOP) == 0)
    pos++;
  return pos;
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

  for (gsize pos = skip_to_nested_stop (text, length, 0); pos < length; )
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

      pos = skip_to_nested_stop (text, length, pos + 1);
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
      char c;

      /* Inside a container only quotes and brackets matter. */
      if (depth > 0)
        {
          pos = skip_to_nested_stop (text, length, pos);
          if (pos >= length)
            break;
        }
      c = text[pos];

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

/* The pretty-printer's output.  Not a GString: g_string_append_len() goes
 * through g_string_insert_len(), whose generality cost more than the
 * scanning itself on large profiles. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  capacity;
} Output;

static inline void
output_reserve (Output *out,
                gsize   n)
{
  if (G_UNLIKELY (out->capacity - out->len < n))
    {
      out->capacity = MAX (out->capacity * 2, out->len + n);
      out->data = g_realloc (out->data, out->capacity);
    }
}

static inline void
output_append (Output     *out,
               const char *data,
               gsize       n)
{
  output_reserve (out, n);
  memcpy (out->data + out->len, data, n);
  out->len += n;
}

static inline void
output_append_c (Output *out,
                 char    c)
{
  output_reserve (out, 1);
  out->data[out->len++] = c;
}

static void
append_newline (Output *out,
                guint   depth)
{
  /* Enough for DOSSIER_MAX_JSON_DEPTH levels in one copy; deeper (which
   * only an unchecked caller can pass) takes a few. */
  static const char spaces[] = "\n"
    "                                                                                "
    "                                                                                ";
  gsize width = (gsize) depth * 2;

  output_append (out, spaces, MIN (width + 1, sizeof spaces - 1));
  for (width -= MIN (width, sizeof spaces - 2); width > 0; )
    {
      gsize n = MIN (width, sizeof spaces - 2);

      output_append (out, spaces + 1, n);
      width -= n;
    }
}

GBytes *
dossier_json_pretty_print (const char *text,
                           gsize       length)
{
  /* Profiles grow by about half: most of the time, no reallocation. */
  Output out = { NULL, 0, 0 };
  guint depth = 0;
  gsize pos = 0;

  output_reserve (&out, length + length / 2 + 2);

  while (pos < length)
    {
      char c = text[pos];

      if (char_class[(guchar) c] & CLASS_SPACE)
        {
          pos++;
          continue;
        }

      switch (c)
        {
        case '"':
          {
            gsize end = skip_string (text, length, pos);
            output_append (&out, text + pos, end - pos);
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
                output_append_c (&out, c);
                output_append_c (&out, closing);
                pos = next + 1;
                continue;
              }
            output_append_c (&out, c);
            depth++;
            append_newline (&out, depth);
            break;
          }

        case '}':
        case ']':
          depth = depth > 0 ? depth - 1 : 0;
          append_newline (&out, depth);
          output_append_c (&out, c);
          break;

        case ',':
          output_append_c (&out, ',');
          append_newline (&out, depth);
          break;

        case ':':
          output_append (&out, ": ", 2);
          break;

        default:
          {
            /* A number or a literal: copy it as it is. */
            gsize end = pos;
            while (end < length && (char_class[(guchar) text[end]] & CLASS_TOKEN_STOP) == 0)
              end++;
            output_append (&out, text + pos, end - pos);
            pos = end;
            continue;
          }
        }

      pos++;
    }

  output_append_c (&out, '\n');
  return g_bytes_new_take (out.data, out.len);
}

/* Validation */

/* What a byte may start inside a string, for validate_string(). */
enum
{
  STRING_PLAIN,
  STRING_END,       /* " */
  STRING_ESCAPE,    /* \ */
  STRING_CONTROL,   /* U+0000 to U+001F: not allowed raw */
  STRING_HIGH,      /* a UTF-8 lead or continuation byte */
};

static const guint8 string_class[256] = {
  [0x00 ... 0x1f] = STRING_CONTROL,
  ['"'] = STRING_END,
  ['\\'] = STRING_ESCAPE,
  [0x80 ... 0xff] = STRING_HIGH,
};

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @pos; -1 when they are not. */
static int
read_hex4 (const char *text,
           gsize       length,
           gsize       pos)
{
  int value = 0;

  if (length - pos < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (text[pos + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Index of the byte after the string starting at @pos (its opening quote),
 * or 0 when it is not a valid string. */
static gsize
validate_string (const char *text,
                 gsize       length,
                 gsize       pos)
{
  pos++;
  for (;;)
    {
      gsize run;

      while (pos < length && string_class[(guchar) text[pos]] == STRING_PLAIN)
        pos++;
      if (pos >= length)
        return 0;

      switch (string_class[(guchar) text[pos]])
        {
        case STRING_END:
          return pos + 1;

        case STRING_CONTROL:
          return 0;

        case STRING_HIGH:
          /* A run of non-ASCII bytes ends on an ASCII byte, which can only
           * be a sequence boundary: validate the run as a whole. */
          run = pos;
          while (run < length && (guchar) text[run] >= 0x80)
            run++;
          if (!g_utf8_validate_len (text + pos, run - pos, NULL))
            return 0;
          pos = run;
          break;

        case STRING_ESCAPE:
          if (++pos >= length)
            return 0;
          switch (text[pos])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              pos++;
              break;

            case 'u':
              {
                int unit = read_hex4 (text, length, pos + 1);

                /* json-glib 1.6 has trouble with U+0000 and lone
                 * surrogates: refuse them here, so that a caller falling
                 * back to json-glib judges them as it always did. */
                if (unit <= 0 || (unit >= 0xdc00 && unit <= 0xdfff))
                  return 0;
                pos += 5;
                if (unit >= 0xd800 && unit <= 0xdbff)
                  {
                    int low;

                    if (length - pos < 6 || text[pos] != '\\' || text[pos + 1] != 'u')
                      return 0;
                    low = read_hex4 (text, length, pos + 2);
                    if (low < 0xdc00 || low > 0xdfff)
                      return 0;
                    pos += 6;
                  }
                break;
              }

            default:
              return 0;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Index of the byte after the number starting at @pos, or 0. */
static gsize
validate_number (const char *text,
                 gsize       length,
                 gsize       pos)
{
  if (pos < length && text[pos] == '-')
    pos++;
  if (pos >= length)
    return 0;
  if (text[pos] == '0')
    pos++;
  else if (is_digit (text[pos]))
    while (pos < length && is_digit (text[pos]))
      pos++;
  else
    return 0;

  if (pos < length && text[pos] == '.')
    {
      pos++;
      if (pos >= length || !is_digit (text[pos]))
        return 0;
      while (pos < length && is_digit (text[pos]))
        pos++;
    }

  if (pos < length && (text[pos] == 'e' || text[pos] == 'E'))
    {
      pos++;
      if (pos < length && (text[pos] == '+' || text[pos] == '-'))
        pos++;
      if (pos >= length || !is_digit (text[pos]))
        return 0;
      while (pos < length && is_digit (text[pos]))
        pos++;
    }

  return pos;
}

static gsize
validate_literal (const char *text,
                  gsize       length,
                  gsize       pos,
                  const char *literal)
{
  gsize n = strlen (literal);

  if (length - pos < n || memcmp (text + pos, literal, n) != 0)
    return 0;
  return pos + n;
}

/* The member being read at the top level of an object, for
 * dossier_json_validate_object(). */
static inline DossierJsonMember *
last_member (GArray *members)
{
  return &g_array_index (members, DossierJsonMember, members->len - 1);
}

gboolean
dossier_json_validate_object (const char *text,
                              gsize       length,
                              guint       max_depth,
                              GArray     *members)
{
  /* One byte per open container: '{' or '['.  No recursion, so no input
   * can exhaust the stack. */
  g_autofree char *stack = g_malloc (max_depth + 1);
  guint depth = 0;
  gsize pos;

  pos = skip_space (text, length, 0);

  /* Each turn reads one value, then what may follow it. */
  for (;;)
    {
      gsize end;

      if (pos >= length)
        return FALSE;

      switch (text[pos])
        {
        case '{':
        case '[':
          if (depth >= max_depth)
            return FALSE;
          stack[depth++] = text[pos];
          pos = skip_space (text, length, pos + 1);
          if (pos < length && text[pos] == (stack[depth - 1] == '{' ? '}' : ']'))
            {
              depth--;
              end = pos + 1;
              break;
            }
          if (stack[depth - 1] == '{')
            {
              gsize name = pos;

              /* A member: its name, then the colon, then its value. */
              if (pos >= length || text[pos] != '"' ||
                  (pos = validate_string (text, length, pos)) == 0)
                return FALSE;
              if (members != NULL && depth == 1)
                g_array_append_vals (members, &(DossierJsonMember) { name + 1, pos - 1, 0, 0 }, 1);
              pos = skip_space (text, length, pos);
              if (pos >= length || text[pos] != ':')
                return FALSE;
              pos = skip_space (text, length, pos + 1);
              if (members != NULL && depth == 1)
                last_member (members)->value_start = pos;
            }
          continue;

        case '"':
          end = validate_string (text, length, pos);
          break;

        case 't':
          end = validate_literal (text, length, pos, "true");
          break;

        case 'f':
          end = validate_literal (text, length, pos, "false");
          break;

        case 'n':
          end = validate_literal (text, length, pos, "null");
          break;

        default:
          end = validate_number (text, length, pos);
          break;
        }

      if (end == 0)
        return FALSE;
      if (members != NULL && depth == 1 && stack[0] == '{')
        last_member (members)->value_end = end;
      pos = skip_space (text, length, end);

      /* After a value: a comma and the next element or member, or the end
       * of one or more containers. */
      for (;;)
        {
          if (depth == 0)
            return pos == length;
          if (pos >= length)
            return FALSE;

          if (text[pos] == ',')
            {
              pos = skip_space (text, length, pos + 1);
              if (stack[depth - 1] == '{')
                {
                  gsize name = pos;

                  if (pos >= length || text[pos] != '"' ||
                      (pos = validate_string (text, length, pos)) == 0)
                    return FALSE;
                  if (members != NULL && depth == 1)
                    g_array_append_vals (members, &(DossierJsonMember) { name + 1, pos - 1, 0, 0 }, 1);
                  pos = skip_space (text, length, pos);
                  if (pos >= length || text[pos] != ':')
                    return FALSE;
                  pos = skip_space (text, length, pos + 1);
                  if (members != NULL && depth == 1)
                    last_member (members)->value_start = pos;
                }
              break;
            }

          if (text[pos] != (stack[depth - 1] == '{' ? '}' : ']'))
            return FALSE;
          depth--;
          if (members != NULL && depth == 1 && stack[0] == '{')
            last_member (members)->value_end = pos + 1;
          pos = skip_space (text, length, pos + 1);
        }
    }
}

gboolean
dossier_json_validate (const char *text,
                       gsize       length,
                       guint       max_depth)
{
  return dossier_json_validate_object (text, length, max_depth, NULL);
}

gboolean
dossier_json_members_find (const char *text,
                           GArray     *members,
                           const char *name,
                           gsize      *value_start,
                           gsize      *value_end)
{
  gsize name_length = strlen (name);

  /* The last occurrence wins, as in json-glib. */
  for (guint i = members->len; i > 0; i--)
    {
      const DossierJsonMember *member = &g_array_index (members, DossierJsonMember, i - 1);

      if (member->name_end - member->name_start == name_length &&
          memcmp (text + member->name_start, name, name_length) == 0)
        {
          *value_start = member->value_start;
          *value_end = member->value_end;
          return TRUE;
        }
    }
  return FALSE;
}

/* The validator's own token scanners, for the tree builder of
 * dossier-json-tree.c, so that both accept exactly the same tokens. */

gsize
dossier_json_scan_string (const char *text,
                          gsize       length,
                          gsize       pos)
{
  return validate_string (text, length, pos);
}

gsize
dossier_json_scan_number (const char *text,
                          gsize       length,
                          gsize       pos)
{
  return validate_number (text, length, pos);
}
