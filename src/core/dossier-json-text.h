/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* JSON's white space (RFC 8259): shared by every reader of JSON text here,
 * inline because they run once a byte. */
static inline gboolean
dossier_json_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The index of the first byte at or after @pos that is not white space. */
static inline gsize
dossier_json_skip_space (const char *text,
                         gsize       length,
                         gsize       pos)
{
  while (pos < length && dossier_json_is_space (text[pos]))
    pos++;
  return pos;
}

/*
 * Byte-level helpers on JSON text, for what json-glib cannot do safely or
 * losslessly: refuse deep nesting before parsing, find the exact text of a
 * member, and re-indent text without touching a single token (numbers keep
 * their digits, strings their escapes, members their order and duplicates).
 */

/* Fails with %DOSSIER_ERROR_TOO_DEEP when arrays and objects nest deeper than
 * @max_depth.  Brackets inside strings are skipped.  Does not validate. */
gboolean  dossier_json_check_depth         (const char  *text,
                                            gsize        length,
                                            guint        max_depth,
                                            GError     **error);

/* When @text is an object with a member named @name (plain, unescaped
 * spelling), sets the byte span of its value and returns TRUE.  The last
 * occurrence wins, as in json-glib. */
gboolean  dossier_json_find_member         (const char  *text,
                                            gsize        length,
                                            const char  *name,
                                            gsize       *value_start,
                                            gsize       *value_end);

/* Whether @text is exactly one JSON value as RFC 8259 defines it, in valid
 * UTF-8, nested at most @max_depth deep; white space around it is allowed.
 * It builds nothing and never recurses, so it is fast and safe on any
 * input.  Stricter than json-glib on purpose (it refuses \u0000 and lone
 * surrogates): a fast path that skips json-glib on valid answers and leaves
 * anything unusual to it. */
gboolean  dossier_json_validate            (const char  *text,
                                            gsize        length,
                                            guint        max_depth);

/* A member of an object, as byte spans of its text: the name without its
 * quotes (as spelt, escapes included), and the value. */
typedef struct
{
  gsize name_start;
  gsize name_end;
  gsize value_start;
  gsize value_end;
} DossierJsonMember;

/* The same validation; in the same pass, when @text is an object, appends
 * the span of each of its own members to @members (a GArray of
 * #DossierJsonMember), in order, so that a caller needing a few members of
 * a large answer reads them without another pass.  On failure @members
 * holds what was read so far. */
gboolean  dossier_json_validate_object     (const char  *text,
                                            gsize        length,
                                            guint        max_depth,
                                            GArray      *members);
/* Asked by dossier_json_validate_arriving() for more of the text: waits
 * until more than @available bytes have come and returns how many have,
 * or returns @available when no more will come (the text was cut short). */
typedef gsize (*DossierJsonMoreFunc) (gsize     available,
                                      gpointer  user_data);

/* dossier_json_validate_object() on a text of @length bytes still
 * arriving, of which @available have come: it goes as far as it can, then
 * asks @more for the rest.  Same answer, same members, as on the whole
 * text at once. */
gboolean  dossier_json_validate_arriving   (const char           *text,
                                            gsize                 length,
                                            gsize                 available,
                                            guint                 max_depth,
                                            GArray               *members,
                                            DossierJsonMoreFunc   more,
                                            gpointer              user_data);
/* The value of the member called @name (plain spelling) among @members of
 * @text, the last one when it occurs more than once (as json-glib keeps
 * it), as dossier_json_find_member() would find it. */
gboolean  dossier_json_members_find        (const char  *text,
                                            GArray      *members,
                                            const char  *name,
                                            gsize       *value_start,
                                            gsize       *value_end);
/* The same, for the member json-glib keeps as @name: names spelt with
 * escapes ("d\u0061ta") count once their escapes are undone. */
gboolean  dossier_json_members_find_decoded (const char  *text,
                                             GArray      *members,
                                             const char  *name,
                                             gsize       *value_start,
                                             gsize       *value_end);

/* Re-indents @text with two spaces, one member or element per line and a
 * final newline.  Tokens are copied byte for byte.  @text must be valid
 * JSON (parse it first). */
GBytes   *dossier_json_pretty_print        (const char  *text,
                                            gsize        length);

/* Where dossier_json_pretty_print_to() hands its output, in pieces of up to
 * 256 KiB (a long string may come in one larger piece).  Returns FALSE with
 * @error set to stop the printing. */
typedef gboolean (*DossierJsonWriteFunc) (const char  *data,
                                          gsize        size,
                                          gpointer     user_data,
                                          GError     **error);

/* The same re-indented text, handed to @write as it is made rather than
 * held in memory.  FALSE when @write failed (its error is in @error). */
gboolean  dossier_json_pretty_print_to     (const char            *text,
                                            gsize                  length,
                                            DossierJsonWriteFunc   write,
                                            gpointer               user_data,
                                            GError               **error);

/* Prints the `data` member of an answer ({"code": …, "data": {…}}) exactly
 * as dossier_json_pretty_print() prints the text of that member alone,
 * while the answer is still arriving: feed it the answer so far each time
 * more has come.  It follows an envelope spelt plainly (names without
 * escapes, a single `data` object), does not validate, and gives up on
 * anything else: the caller compares the span it printed with the one its
 * own reading of the whole answer keeps. */
typedef struct _DossierJsonDataPrinter DossierJsonDataPrinter;

DossierJsonDataPrinter *dossier_json_data_printer_new      (DossierJsonWriteFunc     write,
                                                            gpointer                 user_data);
void                    dossier_json_data_printer_free     (DossierJsonDataPrinter  *self);
/* @text: the answer so far, whose first @available bytes have come (they
 * must not change between calls); @complete: that is all of it.  FALSE once
 * it has given up, or @write failed (then with @error set). */
gboolean                dossier_json_data_printer_feed     (DossierJsonDataPrinter  *self,
                                                            const char              *text,
                                                            gsize                    available,
                                                            gboolean                 complete,
                                                            GError                 **error);
/* Once the whole answer was fed: whether it printed `data` whole, and
 * where `data` is in the answer. */
gboolean                dossier_json_data_printer_get_data (DossierJsonDataPrinter  *self,
                                                            gsize                   *start,
                                                            gsize                   *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonDataPrinter, dossier_json_data_printer_free)

/* The token scanners of dossier_json_validate(), for a caller that builds
 * something from the text and must accept exactly what it accepts.  @pos is
 * the index of the token's first byte (the opening quote of a string);
 * returns the index of the byte after the token, or 0 when it is not a
 * valid one (dossier_json_validate() refuses it). */
gsize     dossier_json_scan_string         (const char  *text,
                                            gsize        length,
                                            gsize        pos);
gsize     dossier_json_scan_number         (const char  *text,
                                            gsize        length,
                                            gsize        pos);

G_END_DECLS
