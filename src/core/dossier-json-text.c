/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

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

/* Strings are most of a profile (85% of the bytes of the benchmark's, in
 * strings of 15 bytes on average): the string scanners below go over
 * their plain bytes eight at a time, with the usual bit tricks on a 64-bit
 * word, then byte by byte over the rest.  Each mask has the high bit of
 * the first byte it looks for set (bytes after it may be flagged too,
 * which does not matter: only the first one counts).  Words are read as
 * little-endian so that the first byte is the lowest, on any processor.
 * This halved the time of the validator and of the pretty-printer. */
#define BYTES_ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define BYTES_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
load_word (const char *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return GUINT64_FROM_LE (word);
}

static inline guint64
bytes_equal (guint64 word,
             guint8  byte)
{
  guint64 x = word ^ (BYTES_ONES * byte);

  return (x - BYTES_ONES) & ~x & BYTES_HIGHS;
}

/* Bytes below @limit (at most 0x80). */
static inline guint64
bytes_below (guint64 word,
             guint8  limit)
{
  return (word - BYTES_ONES * limit) & ~word & BYTES_HIGHS;
}

/* Index of the first flagged byte of a non-zero mask. */
static inline guint
first_flagged (guint64 mask)
{
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll (mask) / 8;
#else
  guint i = 0;

  while ((mask & 0x80) == 0)
    {
      mask >>= 8;
      i++;
    }
  return i;
#endif
}

/* Index of the byte after the string that starts at @pos (an opening
 * quote), or @length when it is unterminated. */
static gsize
skip_string (const char *text,
             gsize       length,
             gsize       pos)
{
  for (pos++; pos < length; pos++)
    {
      while (pos + 8 <= length)
        {
          guint64 word = load_word (text + pos);
          guint64 stops = bytes_equal (word, '"') | bytes_equal (word, '\\');

          if (stops != 0)
            {
              pos += first_flagged (stops);
              break;
            }
          pos += 8;
        }
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
      else if (depth == 0 && (c == ',' || dossier_json_is_space (c)))
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

  pos = dossier_json_skip_space (text, length, 0);
  if (pos >= length || text[pos] != '{')
    return FALSE;
  pos++;

  while (pos < length)
    {
      gsize key_start, key_end, start, end;

      pos = dossier_json_skip_space (text, length, pos);
      if (pos >= length || text[pos] != '"')
        break;

      key_start = pos + 1;
      pos = skip_string (text, length, pos);
      key_end = pos - 1;

      pos = dossier_json_skip_space (text, length, pos);
      if (pos >= length || text[pos] != ':')
        break;
      pos = dossier_json_skip_space (text, length, pos + 1);

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

      pos = dossier_json_skip_space (text, length, end);
      if (pos >= length || text[pos] != ',')
        break;
      pos++;
    }

  return found;
}

/* The pretty-printer's output.  Not a GString: g_string_append_len() goes
 * through g_string_insert_len(), whose generality cost more than the
 * scanning itself on large profiles.
 *
 * Either it grows to hold the whole text, or, with a @write function, it is
 * a small buffer handed to @write each time it fills up: an export then
 * never holds the re-indented copy (1.5 times the profile) in memory, and
 * each write copies from a buffer still in the processor's cache.  On a
 * 5 MB profile that took the export from 7.7 MB of fresh memory, written in
 * one go from memory long out of the cache, to 256 KiB reused (fewer,
 * larger writes: 256 KiB saved 0.6-0.8 ms of 20 over 64 KiB). */
typedef struct
{
  char                 *data;
  gsize                 len;
  gsize                 capacity;

  DossierJsonWriteFunc  write;
  gpointer              user_data;
  GError              **error;
  gboolean              failed;   /* @write failed: drop the rest */
} Output;

#define OUTPUT_CHUNK_SIZE (256 * 1024)

static void
output_flush (Output *out)
{
  if (out->len > 0 && !out->failed)
    out->failed = !out->write (out->data, out->len, out->user_data, out->error);
  out->len = 0;
}

/* Makes room for @n bytes; FALSE when they are to be handed to @write
 * directly (more than the buffer holds: a long string). */
static G_GNUC_NO_INLINE gboolean
output_make_room (Output *out,
                  gsize   n)
{
  if (out->write == NULL)
    {
      out->capacity = MAX (out->capacity * 2, out->len + n);
      out->data = g_realloc (out->data, out->capacity);
      return TRUE;
    }

  output_flush (out);
  return n <= out->capacity;
}

static inline void
output_append (Output     *out,
               const char *data,
               gsize       n)
{
  if (G_UNLIKELY (out->capacity - out->len < n) && !output_make_room (out, n))
    {
      if (!out->failed)
        out->failed = !out->write (data, n, out->user_data, out->error);
      return;
    }
  memcpy (out->data + out->len, data, n);
  out->len += n;
}

/* Most tokens are short: when 32 bytes can be read at @data and written
 * at the end of the output, one copy of a fixed 32 bytes (a few moves,
 * inlined) costs less than a call to memcpy() for the exact length; the
 * bytes past @n are overwritten by what comes next. */
static inline void
output_append_short (Output     *out,
                     const char *data,
                     gsize       n,
                     gboolean    readable)
{
  if (G_LIKELY (readable && n <= 32 && out->capacity - out->len >= 32))
    {
      memcpy (out->data + out->len, data, 32);
      out->len += n;
      return;
    }
  output_append (out, data, n);
}

static inline void
output_append_c (Output *out,
                 char    c)
{
  if (G_UNLIKELY (out->capacity == out->len))
    output_make_room (out, 1);
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

  output_append_short (out, spaces, MIN (width + 1, sizeof spaces - 1), TRUE);
  for (width -= MIN (width, sizeof spaces - 2); width > 0; )
    {
      gsize n = MIN (width, sizeof spaces - 2);

      output_append (out, spaces + 1, n);
      width -= n;
    }
}

/* Where the printing of a text has come to. */
typedef struct
{
  gsize pos;
  guint depth;
} PrintState;

/* Prints the tokens of @text from @state up to @available.  With
 * @more_to_come, @text is still arriving: a token that reaches @available
 * may go on past it, so the printing stops before it, to go on from there
 * once more has come (a token is printed whole or not at all, so printing
 * in pieces gives exactly the text printed in one go).  With @one_value,
 * stops after the first whole value and returns TRUE.
 *
 * Always inlined: the whole-text printer then has no test of either flag
 * left in its loop. */
G_ALWAYS_INLINE static inline gboolean
print_tokens (const char *text,
              gsize       available,
              gboolean    more_to_come,
              gboolean    one_value,
              PrintState *state,
              Output     *out)
{
  gsize pos = state->pos;
  guint depth = state->depth;
  gboolean value_ended = FALSE;

  /* A failed write stops the work at the next token, not at the end: the
   * check costs one test per container or comma. */
  while (pos < available && !out->failed)
    {
      char c = text[pos];
      gsize end;

      if (char_class[(guchar) c] & CLASS_SPACE)
        {
          pos++;
          continue;
        }

      switch (c)
        {
        case '"':
          /* Also when the string closes on the last byte received: it
           * cannot be told from one still open. */
          end = skip_string (text, available, pos);
          if (more_to_come && end == available)
            goto wait;
          output_append_short (out, text + pos, end - pos, available - pos >= 32);
          break;

        case '{':
        case '[':
          {
            char closing = c == '{' ? '}' : ']';
            gsize next = dossier_json_skip_space (text, available, pos + 1);

            if (more_to_come && next >= available)
              goto wait;
            /* Empty containers stay on one line: "[]", "{}". */
            if (next < available && text[next] == closing)
              {
                output_append_c (out, c);
                output_append_c (out, closing);
                end = next + 1;
                break;
              }
            output_append_c (out, c);
            depth++;
            append_newline (out, depth);
            end = pos + 1;
            break;
          }

        case '}':
        case ']':
          depth = depth > 0 ? depth - 1 : 0;
          append_newline (out, depth);
          output_append_c (out, c);
          end = pos + 1;
          break;

        case ',':
          output_append_c (out, ',');
          append_newline (out, depth);
          end = pos + 1;
          break;

        case ':':
          output_append (out, ": ", 2);
          end = pos + 1;
          break;

        default:
          /* A number or a literal: copy it as it is. */
          end = pos;
          while (end < available && (char_class[(guchar) text[end]] & CLASS_TOKEN_STOP) == 0)
            end++;
          if (more_to_come && end == available)
            goto wait;
          output_append (out, text + pos, end - pos);
          break;
        }

      pos = end;
      if (one_value && depth == 0)
        {
          value_ended = TRUE;
          break;
        }
    }

wait:
  state->pos = pos;
  state->depth = depth;
  return value_ended;
}

static void
pretty_print (const char *text,
              gsize       length,
              Output     *out)
{
  PrintState state = { 0, 0 };

  print_tokens (text, length, FALSE, FALSE, &state, out);
  output_append_c (out, '\n');
}

GBytes *
dossier_json_pretty_print (const char *text,
                           gsize       length)
{
  /* Profiles grow by about half: most of the time, no reallocation. */
  Output out = { NULL, 0, 0 };

  output_make_room (&out, length + length / 2 + 2);
  pretty_print (text, length, &out);
  return g_bytes_new_take (out.data, out.len);
}

gboolean
dossier_json_pretty_print_to (const char            *text,
                              gsize                  length,
                              DossierJsonWriteFunc   write,
                              gpointer               user_data,
                              GError               **error)
{
  g_autofree char *buffer = NULL;
  Output out = { NULL, 0, OUTPUT_CHUNK_SIZE, write, user_data, error, FALSE };

  g_return_val_if_fail (write != NULL, FALSE);

  out.data = buffer = g_malloc (OUTPUT_CHUNK_SIZE);
  pretty_print (text, length, &out);
  output_flush (&out);
  return !out.failed;
}

/* Following an answer's `data` member while the answer arrives */

typedef enum
{
  ENVELOPE_OPEN,     /* before the envelope's "{" */
  MEMBER_NAME,       /* before a member's name (or the "}" of an empty envelope) */
  MEMBER_COLON,
  MEMBER_VALUE,      /* before a member's value */
  IN_DATA,           /* printing `data` */
  IN_OTHER,          /* going through another member's value */
  AFTER_MEMBER,      /* before "," or the envelope's "}" */
  ENVELOPE_CLOSED,   /* only white space may follow */
  DONE,
  GAVE_UP,
} Phase;

struct _DossierJsonDataPrinter
{
  Phase       phase;
  gsize       pos;
  guint       n_members;
  gboolean    member_is_data;
  PrintState  value;
  /* How much had come when the value last waited for more. */
  gsize       waited_at;
  gsize       data_start;
  gsize       data_end;

  Output      out;      /* the printed `data` */
  Output      discard;  /* other members' values */
};

static gboolean
discard_cb (const char  *data,
            gsize        size,
            gpointer     user_data,
            GError     **error)
{
  return TRUE;
}

DossierJsonDataPrinter *
dossier_json_data_printer_new (DossierJsonWriteFunc write,
                               gpointer             user_data)
{
  DossierJsonDataPrinter *self = g_new0 (DossierJsonDataPrinter, 1);

  self->out = (Output) { g_malloc (OUTPUT_CHUNK_SIZE), 0, OUTPUT_CHUNK_SIZE, write, user_data, NULL, FALSE };
  self->discard = (Output) { g_malloc (4096), 0, 4096, discard_cb, NULL, NULL, FALSE };
  return self;
}

void
dossier_json_data_printer_free (DossierJsonDataPrinter *self)
{
  g_free (self->out.data);
  g_free (self->discard.data);
  g_free (self);
}

gboolean
dossier_json_data_printer_get_data (DossierJsonDataPrinter *self,
                                    gsize                  *start,
                                    gsize                  *end)
{
  if (self->phase != DONE || self->data_end == 0)
    return FALSE;
  *start = self->data_start;
  *end = self->data_end;
  return TRUE;
}

gboolean
dossier_json_data_printer_feed (DossierJsonDataPrinter  *self,
                                const char              *text,
                                gsize                    available,
                                gboolean                 complete,
                                GError                 **error)
{
  self->out.error = error;

  /* Each turn takes one step of the envelope, or all the value that has
   * come; a step that needs bytes not yet there waits for the next call. */
  for (;;)
    {
      gsize pos = dossier_json_skip_space (text, available, self->pos);

      if (self->phase == DONE || self->phase == GAVE_UP)
        return self->phase == DONE;

      if (self->phase == IN_DATA || self->phase == IN_OTHER)
        {
          Output *out = self->phase == IN_DATA ? &self->out : &self->discard;

          /* A token that did not fit is read again once what came since
           * has at least doubled the part of it seen, not at every piece:
           * one long string would be scanned again and again (see also
           * validate_value()). */
          if (!complete && self->waited_at > self->value.pos &&
              available - self->waited_at < self->waited_at - self->value.pos)
            return TRUE;

          if (!print_tokens (text, available, !complete, TRUE, &self->value, out))
            {
              if (out->failed)
                goto give_up;
              if (complete)
                goto give_up;   /* cut short */
              self->waited_at = available;
              return TRUE;      /* more to come */
            }
          self->pos = self->value.pos;
          if (self->phase == IN_DATA)
            {
              self->data_end = self->value.pos;
              output_append_c (out, '\n');
              output_flush (out);
              if (out->failed)
                goto give_up;
            }
          self->phase = AFTER_MEMBER;
          continue;
        }

      self->pos = pos;
      if (pos >= available)
        {
          if (self->phase == ENVELOPE_CLOSED && complete)
            {
              self->phase = DONE;
              continue;
            }
          if (complete)
            goto give_up;
          return TRUE;
        }

      switch (self->phase)
        {
        case ENVELOPE_OPEN:
          if (text[pos] != '{')
            goto give_up;
          self->pos = pos + 1;
          self->phase = MEMBER_NAME;
          break;

        case MEMBER_NAME:
          if (text[pos] == '}' && self->n_members == 0)
            {
              self->pos = pos + 1;
              self->phase = ENVELOPE_CLOSED;
              break;
            }
          if (text[pos] != '"')
            goto give_up;
          {
            gsize end = skip_string (text, available, pos);

            /* A name closing on the last byte received cannot be told from
             * one still open. */
            if (end == available)
              {
                if (complete)
                  goto give_up;
                return TRUE;
              }
            /* Names are matched as spelt: an escaped one is left to the
             * caller's own reading of the answer. */
            if (memchr (text + pos, '\\', end - pos) != NULL)
              goto give_up;
            self->member_is_data = end - pos == 6 && memcmp (text + pos, "\"data\"", 6) == 0;
            self->n_members++;
            self->pos = end;
            self->phase = MEMBER_COLON;
          }
          break;

        case MEMBER_COLON:
          if (text[pos] != ':')
            goto give_up;
          self->pos = pos + 1;
          self->phase = MEMBER_VALUE;
          break;

        case MEMBER_VALUE:
          self->value = (PrintState) { pos, 0 };
          if (!self->member_is_data)
            self->phase = IN_OTHER;
          /* The last `data` would win: with two, the first printed is not
           * the one the caller keeps. */
          else if (text[pos] != '{' || self->data_end != 0)
            goto give_up;
          else
            {
              self->data_start = pos;
              self->phase = IN_DATA;
            }
          break;

        case AFTER_MEMBER:
          if (text[pos] == ',')
            self->phase = MEMBER_NAME;
          else if (text[pos] == '}')
            self->phase = ENVELOPE_CLOSED;
          else
            goto give_up;
          self->pos = pos + 1;
          break;

        case ENVELOPE_CLOSED:
          goto give_up;   /* something after the envelope */

        default:
          g_assert_not_reached ();
        }
    }

give_up:
  self->phase = GAVE_UP;
  return FALSE;
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

      /* Eight at a time first, see skip_string(). */
      while (pos + 8 <= length)
        {
          guint64 word = load_word (text + pos);
          guint64 stops = bytes_equal (word, '"') | bytes_equal (word, '\\') |
                          bytes_below (word, 0x20) | (word & BYTES_HIGHS);

          if (stops != 0)
            {
              pos += first_flagged (stops);
              break;
            }
          pos += 8;
        }
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

/* A member of an object, at @pos: its name, the colon, and the white
 * space up to its value, whose index is returned (0 when any of it is
 * wrong or has not come yet: the value's start must be known).  With
 * @members, the member is recorded there. */
static inline gsize
validate_member_name (const char *text,
                      gsize       available,
                      gsize       pos,
                      GArray     *members)
{
  gsize name = pos;

  if (pos >= available || text[pos] != '"' ||
      (pos = validate_string (text, available, pos)) == 0)
    return 0;
  if (members != NULL)
    g_array_append_vals (members, &(DossierJsonMember) { name + 1, pos - 1, 0, 0 }, 1);
  pos = dossier_json_skip_space (text, available, pos);
  if (pos >= available || text[pos] != ':')
    return 0;
  pos = dossier_json_skip_space (text, available, pos + 1);
  if (pos >= available)
    return 0;
  if (members != NULL)
    last_member (members)->value_start = pos;
  return pos;
}

/* The validator.  With @more, @text is still arriving: only @available
 * bytes of its @length have come.  Each turn (a value, or what follows
 * one) starts from a checkpoint; a turn that fails may only have run out
 * of text, so it asks @more for the rest, which blocks until more has come,
 * and the turn starts again from its checkpoint once it has.  Only when
 * nothing more can come is a failure final.  Valid text thus costs one
 * pass however it arrives, and the answer is the same. */
G_ALWAYS_INLINE static inline gboolean
validate_value (const char           *text,
                gsize                 length,
                gsize                 available,
                guint                 max_depth,
                GArray               *members,
                DossierJsonMoreFunc   more,
                gpointer              user_data)
{
  /* One byte per open container: '{' or '['.  No recursion, so no input
   * can exhaust the stack. */
  g_autofree char *stack = g_malloc (max_depth + 1);
  guint depth = 0;
  gsize pos;
  gsize checkpoint_pos;
  guint checkpoint_depth;
  guint checkpoint_members;
  gboolean checkpoint_after_value;

  pos = dossier_json_skip_space (text, available, 0);

  /* Each turn reads one value, then what may follow it. */
next_value:
  checkpoint_pos = pos;
  checkpoint_depth = depth;
  checkpoint_members = members != NULL ? members->len : 0;
  checkpoint_after_value = FALSE;
  {
    gsize end;

    if (pos >= available)
      goto failed;

    switch (text[pos])
      {
      case '{':
      case '[':
        if (depth >= max_depth)
          goto failed;
        stack[depth++] = text[pos];
        pos = dossier_json_skip_space (text, available, pos + 1);
        /* Whether the container is empty is part of this turn. */
        if (pos >= available)
          goto failed;
        if (text[pos] == (stack[depth - 1] == '{' ? '}' : ']'))
          {
            depth--;
            end = pos + 1;
            break;
          }
        if (stack[depth - 1] == '{' &&
            (pos = validate_member_name (text, available, pos, depth == 1 ? members : NULL)) == 0)
          goto failed;
        goto next_value;

      case '"':
        end = validate_string (text, available, pos);
        break;

      case 't':
        end = validate_literal (text, available, pos, "true");
        break;

      case 'f':
        end = validate_literal (text, available, pos, "false");
        break;

      case 'n':
        end = validate_literal (text, available, pos, "null");
        break;

      default:
        end = validate_number (text, available, pos);
        /* A number that reaches the end of what has come may go on. */
        if (end == available && available < length)
          goto failed;
        break;
      }

    if (end == 0)
      goto failed;
    if (members != NULL && depth == 1 && stack[0] == '{')
      last_member (members)->value_end = end;
    pos = dossier_json_skip_space (text, available, end);
  }

  /* After a value: a comma and the next element or member, or the end of
   * one or more containers. */
after_value:
  checkpoint_pos = pos;
  checkpoint_depth = depth;
  checkpoint_members = members != NULL ? members->len : 0;
  checkpoint_after_value = TRUE;
  for (;;)
    {
      if (depth == 0)
        {
          if (pos < available)
            return FALSE;   /* something after the value */
          if (available == length)
            return TRUE;
          goto failed;      /* white space so far: wait for the rest */
        }
      if (pos >= available)
        goto failed;

      if (text[pos] == ',')
        {
          pos = dossier_json_skip_space (text, available, pos + 1);
          if (stack[depth - 1] == '{' &&
              (pos = validate_member_name (text, available, pos, depth == 1 ? members : NULL)) == 0)
            goto failed;
          goto next_value;
        }

      if (text[pos] != (stack[depth - 1] == '{' ? '}' : ']'))
        return FALSE;
      depth--;
      if (members != NULL && depth == 1 && stack[0] == '{')
        last_member (members)->value_end = pos + 1;
      pos = dossier_json_skip_space (text, available, pos + 1);
      goto after_value;
    }

failed:
  if (more != NULL && available < length)
    {
      /* Resumed once the text since the checkpoint has at least doubled
       * (or all of it has come): resuming at every piece would scan one
       * long token again and again, quadratic in its length (a 5 MB
       * string fed 16 KiB at a time took 145 ms against 1 ms whole). */
      gsize wanted = MIN (length, available + MAX (available - checkpoint_pos, 1));
      gsize now = available;

      while (now < wanted)
        {
          gsize next = more (now, user_data);

          if (next <= now)
            break;
          now = next;
        }

      if (now > available)
        {
          available = MIN (now, length);
          /* The white space skipped up to the checkpoint may go on. */
          pos = dossier_json_skip_space (text, available, checkpoint_pos);
          depth = checkpoint_depth;
          if (members != NULL)
            g_array_set_size (members, checkpoint_members);
          if (checkpoint_after_value)
            goto after_value;
          goto next_value;
        }
    }
  return FALSE;
}

gboolean
dossier_json_validate_object (const char *text,
                              gsize       length,
                              guint       max_depth,
                              GArray     *members)
{
  return validate_value (text, length, length, max_depth, members, NULL, NULL);
}

gboolean
dossier_json_validate_arriving (const char           *text,
                                gsize                 length,
                                gsize                 available,
                                guint                 max_depth,
                                GArray               *members,
                                DossierJsonMoreFunc   more,
                                gpointer              user_data)
{
  g_return_val_if_fail (available <= length, FALSE);
  g_return_val_if_fail (more != NULL, FALSE);

  return validate_value (text, length, available, max_depth, members, more, user_data);
}

gboolean
dossier_json_validate (const char *text,
                       gsize       length,
                       guint       max_depth)
{
  return dossier_json_validate_object (text, length, max_depth, NULL);
}

/* Whether @member is called @name: spelt so, or, with @decode, once its
 * escapes are undone (a rare spelling, decoded by json-glib itself). */
static gboolean
member_is_called (const char              *text,
                  const DossierJsonMember *member,
                  const char              *name,
                  gsize                    name_length,
                  gboolean                 decode)
{
  gsize length = member->name_end - member->name_start;
  g_autofree char *quoted = NULL;
  g_autoptr(JsonNode) decoded = NULL;

  if (length == name_length && memcmp (text + member->name_start, name, length) == 0)
    return TRUE;
  if (!decode || memchr (text + member->name_start, '\\', length) == NULL)
    return FALSE;

  /* The name with its quotes, as a JSON string. */
  quoted = g_strndup (text + member->name_start - 1, length + 2);
  decoded = json_from_string (quoted, NULL);
  return decoded != NULL && JSON_NODE_HOLDS_VALUE (decoded) &&
         g_strcmp0 (json_node_get_string (decoded), name) == 0;
}

static gboolean
members_find (const char  *text,
              GArray      *members,
              const char  *name,
              gboolean     decode,
              gsize       *value_start,
              gsize       *value_end)
{
  gsize name_length = strlen (name);

  /* The last occurrence wins, as in json-glib. */
  for (guint i = members->len; i > 0; i--)
    {
      const DossierJsonMember *member = &g_array_index (members, DossierJsonMember, i - 1);

      if (member_is_called (text, member, name, name_length, decode))
        {
          *value_start = member->value_start;
          *value_end = member->value_end;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
dossier_json_members_find (const char *text,
                           GArray     *members,
                           const char *name,
                           gsize      *value_start,
                           gsize      *value_end)
{
  return members_find (text, members, name, FALSE, value_start, value_end);
}

gboolean
dossier_json_members_find_decoded (const char *text,
                                   GArray     *members,
                                   const char *name,
                                   gsize      *value_start,
                                   gsize      *value_end)
{
  return members_find (text, members, name, TRUE, value_start, value_end);
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
