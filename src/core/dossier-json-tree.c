/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-json-tree.h"
#include "dossier-json-text.h"

#include <string.h>

/* Where strings are unescaped and numbers made NUL-terminated before
 * json-glib copies them: one buffer for the whole parse. */
typedef struct
{
  char  *data;
  gsize  capacity;
} Scratch;

static inline char *
scratch_reserve (Scratch *scratch,
                 gsize    n)
{
  if (G_UNLIKELY (scratch->capacity < n))
    {
      scratch->capacity = MAX (n, scratch->capacity * 2);
      g_free (scratch->data);
      scratch->data = g_malloc (scratch->capacity);
    }
  return scratch->data;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return c - 'A' + 10;
}

static gunichar
read_unit (const char *hex)
{
  return (hex_digit (hex[0]) << 12) | (hex_digit (hex[1]) << 8) |
         (hex_digit (hex[2]) << 4) | hex_digit (hex[3]);
}

/* The value of the string whose quotes are at @start and @end - 1, which
 * dossier_json_scan_string() accepted: every escape is well formed, \u0000
 * and lone surrogates are not there.  Unescaped text is never longer than
 * its escaped spelling. */
static const char *
unescape (Scratch    *scratch,
          const char *text,
          gsize       start,
          gsize       end)
{
  const char *in = text + start + 1;
  const char *stop = text + end - 1;
  gsize n = stop - in;
  char *out = scratch_reserve (scratch, n + 1);
  const char *backslash = memchr (in, '\\', n);

  if (backslash == NULL)
    {
      memcpy (out, in, n);
      out[n] = '\0';
      return out;
    }

  while (in < stop)
    {
      gsize plain = backslash != NULL ? (gsize) (backslash - in) : (gsize) (stop - in);
      gunichar unit;

      memcpy (out, in, plain);
      out += plain;
      in += plain;
      if (in >= stop)
        break;

      /* in[0] is a backslash. */
      switch (in[1])
        {
        case 'b': *out++ = '\b'; in += 2; break;
        case 'f': *out++ = '\f'; in += 2; break;
        case 'n': *out++ = '\n'; in += 2; break;
        case 'r': *out++ = '\r'; in += 2; break;
        case 't': *out++ = '\t'; in += 2; break;
        case 'u':
          unit = read_unit (in + 2);
          in += 6;
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              /* The scanner checked that a low surrogate follows. */
              unit = 0x10000 + ((unit - 0xd800) << 10) + (read_unit (in + 2) - 0xdc00);
              in += 6;
            }
          out += g_unichar_to_utf8 (unit, out);
          break;
        default:   /* " \ / */
          *out++ = in[1];
          in += 2;
          break;
        }
      backslash = memchr (in, '\\', stop - in);
    }

  *out = '\0';
  return scratch->data;
}

/* json-glib reads an integer's digits as an unsigned 64-bit number that
 * stops at its maximum, then takes it as signed and applies the sign: so
 * 2^63 becomes -2^63 and anything from 2^64 up becomes -1.  Identifiers
 * that large are read from the text instead (see dossier_json_dup_id()). */
static gint64
read_integer (const char *token,
              gsize       length)
{
  gboolean negative = token[0] == '-';
  guint64 value = 0;

  for (gsize i = negative ? 1 : 0; i < length; i++)
    {
      guint digit = token[i] - '0';

      if (value > (G_MAXUINT64 - digit) / 10)
        {
          value = G_MAXUINT64;
          break;
        }
      value = value * 10 + digit;
    }

  /* Negated as unsigned: the same wrap-around, without signed overflow. */
  return (gint64) (negative ? 0 - value : value);
}

static void
init_number (JsonNode   *node,
             Scratch    *scratch,
             const char *text,
             gsize       start,
             gsize       end)
{
  const char *token = text + start;
  gsize length = end - start;
  char *copy;

  /* As json-glib: a fraction or an exponent makes a double. */
  if (memchr (token, '.', length) == NULL &&
      memchr (token, 'e', length) == NULL &&
      memchr (token, 'E', length) == NULL)
    {
      json_node_init_int (node, read_integer (token, length));
      return;
    }

  copy = scratch_reserve (scratch, length + 1);
  memcpy (copy, token, length);
  copy[length] = '\0';
  json_node_init_double (node, g_ascii_strtod (copy, NULL));
}

/* The node for the scalar at @pos; sets @end past it, or returns NULL. */
static JsonNode *
read_scalar (Scratch    *scratch,
             const char *text,
             gsize       length,
             gsize       pos,
             gsize      *end)
{
  JsonNode *node;

  switch (text[pos])
    {
    case '"':
      if ((*end = dossier_json_scan_string (text, length, pos)) == 0)
        return NULL;
      return json_node_init_string (json_node_alloc (), unescape (scratch, text, pos, *end));

    case 't':
      if (length - pos < 4 || memcmp (text + pos, "true", 4) != 0)
        return NULL;
      *end = pos + 4;
      return json_node_init_boolean (json_node_alloc (), TRUE);

    case 'f':
      if (length - pos < 5 || memcmp (text + pos, "false", 5) != 0)
        return NULL;
      *end = pos + 5;
      return json_node_init_boolean (json_node_alloc (), FALSE);

    case 'n':
      if (length - pos < 4 || memcmp (text + pos, "null", 4) != 0)
        return NULL;
      *end = pos + 4;
      return json_node_init_null (json_node_alloc ());

    default:
      if ((*end = dossier_json_scan_number (text, length, pos)) == 0)
        return NULL;
      node = json_node_alloc ();
      init_number (node, scratch, text, pos, *end);
      return node;
    }
}

/* An open container, where its members are when they are recorded, and
 * what watches its elements. */
typedef struct
{
  JsonNode *node;
  GArray   *members;
  gpointer  watch;
} Frame;

/* Reads `"name" :` at @pos into @name, and records where it is in
 * @frame; returns the index of the value after it, or 0. */
static gsize
read_member_name (Scratch    *name,
                  Frame      *frame,
                  const char *text,
                  gsize       length,
                  gsize       pos)
{
  gsize end, value;

  if (pos >= length || text[pos] != '"' ||
      (end = dossier_json_scan_string (text, length, pos)) == 0)
    return 0;
  unescape (name, text, pos, end);
  value = dossier_json_skip_space (text, length, end);
  if (value >= length || text[value] != ':')
    return 0;
  value = dossier_json_skip_space (text, length, value + 1);
  if (frame->members != NULL)
    g_array_append_vals (frame->members, &(DossierJsonMember) { pos + 1, end - 1, value, 0 }, 1);
  return value;
}

/* Puts @node into the container of @frame (an array, or an object under
 * @name), as JsonParser does: the container owns it and is its parent.  A
 * repeated member name replaces the earlier value, which keeps its place
 * in the order of members: what json_object_set_member() does, and
 * JsonParser with it. */
static void
attach (Frame      *frame,
        JsonNode   *node,
        const char *name)
{
  json_node_set_parent (node, frame->node);
  if (JSON_NODE_HOLDS_ARRAY (frame->node))
    json_array_add_element (json_node_get_array (frame->node), node);
  else
    json_object_set_member (json_node_get_object (frame->node), name, node);
}

/* @node, the value of the member last read in @frame or its last element,
 * is complete and ends at @end. */
static inline void
value_read (Frame                        *frame,
            JsonNode                     *node,
            gsize                         end,
            const DossierJsonTreeOptions *options)
{
  if (frame->members != NULL)
    g_array_index (frame->members, DossierJsonMember, frame->members->len - 1).value_end = end;
  if (frame->watch != NULL)
    options->element_read (frame->watch, node, options->user_data);
}

GHashTable *
dossier_json_tree_spans_new (void)
{
  return g_hash_table_new_full (NULL, NULL,
                                (GDestroyNotify) json_object_unref,
                                (GDestroyNotify) g_array_unref);
}

JsonNode *
dossier_json_tree_parse (const char                   *text,
                         gsize                         length,
                         guint                         max_depth,
                         const DossierJsonTreeOptions *options)
{
  static const DossierJsonTreeOptions no_options = { NULL, };
  /* The open containers, innermost last: each is already attached to its
   * parent, so that freeing the root frees whatever was built on failure.
   * No recursion, so no input can exhaust the stack. */
  g_autofree Frame *stack = g_new (Frame, max_depth + 1);
  g_autoptr(JsonNode) root = NULL;
  Scratch value = { NULL, 0 }, name = { NULL, 0 };
  JsonNode *result = NULL;
  guint depth = 0;
  gsize pos;

  if (options == NULL)
    options = &no_options;

  pos = dossier_json_skip_space (text, length, 0);

  /* Each turn reads one value, then what may follow it. */
  for (;;)
    {
      JsonNode *node;
      gsize end;

      if (pos >= length)
        goto out;

      if (text[pos] == '{' || text[pos] == '[')
        {
          gboolean is_object = text[pos] == '{';
          Frame *frame;

          if (depth >= max_depth)
            goto out;
          node = json_node_alloc ();
          if (depth == 0)
            root = node;
          frame = &stack[depth];
          frame->node = node;
          frame->members = NULL;
          frame->watch = NULL;
          if (is_object)
            {
              JsonObject *object = json_object_new ();

              json_node_init (node, JSON_NODE_OBJECT);
              json_node_take_object (node, object);
              if (options->spans != NULL && depth < options->span_depth)
                {
                  frame->members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
                  g_hash_table_insert (options->spans, json_object_ref (object), frame->members);
                }
            }
          else
            {
              json_node_init (node, JSON_NODE_ARRAY);
              json_node_take_array (node, json_array_new ());
            }
          if (depth > 0)
            {
              Frame *parent = &stack[depth - 1];

              attach (parent, node, name.data);
              if (!is_object && options->array_opened != NULL &&
                  JSON_NODE_HOLDS_OBJECT (parent->node))
                frame->watch = options->array_opened (node, name.data, parent->node,
                                                      options->user_data);
            }
          depth++;

          pos = dossier_json_skip_space (text, length, pos + 1);
          if (pos < length && text[pos] == (is_object ? '}' : ']'))
            {
              depth--;
              end = pos + 1;
            }
          else
            {
              if (is_object && (pos = read_member_name (&name, frame, text, length, pos)) == 0)
                goto out;
              continue;
            }
        }
      else
        {
          if ((node = read_scalar (&value, text, length, pos, &end)) == NULL)
            goto out;
          if (depth == 0)
            root = node;
          else
            attach (&stack[depth - 1], node, name.data);
        }

      if (depth > 0)
        value_read (&stack[depth - 1], node, end, options);
      pos = dossier_json_skip_space (text, length, end);

      /* After a value: a comma and the next element or member, or the end
       * of one or more containers. */
      for (;;)
        {
          Frame *frame;

          if (depth == 0)
            {
              if (pos == length)
                result = g_steal_pointer (&root);
              goto out;
            }
          if (pos >= length)
            goto out;

          frame = &stack[depth - 1];
          if (text[pos] == ',')
            {
              pos = dossier_json_skip_space (text, length, pos + 1);
              if (JSON_NODE_HOLDS_OBJECT (frame->node) &&
                  (pos = read_member_name (&name, frame, text, length, pos)) == 0)
                goto out;
              break;
            }

          if (text[pos] != (JSON_NODE_HOLDS_OBJECT (frame->node) ? '}' : ']'))
            goto out;
          depth--;
          if (depth > 0)
            value_read (&stack[depth - 1], stack[depth].node, pos + 1, options);
          pos = dossier_json_skip_space (text, length, pos + 1);
        }
    }

out:
  /* What was recorded of a tree that is no more is of no use. */
  if (result == NULL && options->spans != NULL)
    g_hash_table_remove_all (options->spans);
  g_free (value.data);
  g_free (name.data);
  return result;
}
