/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-json-text.h"

G_BEGIN_DECLS

/*
 * A json-glib tree built straight from the text, without JsonParser.
 *
 * JsonParser reads the text through a general-purpose scanner and emits
 * signals for every node; on a large answer that is most of the time spent
 * between the last byte received and the profile shown.  This builder reads
 * the text once with the validator's own token scanners and creates the
 * same nodes directly, so that the model's accessors see no difference.
 *
 * It is a fast path, not a second dialect: it accepts only what
 * dossier_json_validate() accepts (RFC 8259, valid UTF-8, no \u0000, no lone
 * surrogate, at most @max_depth deep) and then builds exactly the tree
 * JsonParser builds from the same text (numbers, duplicate members, member
 * order, parents).  Anything else returns NULL, and the caller hands the
 * text to JsonParser, which judges it as it always did.
 */

/* What a caller may ask of dossier_json_tree_parse() besides the tree. */
typedef struct
{
  /* When not NULL (see dossier_json_tree_spans_new()), receives where the
   * members of each object at most @span_depth deep (the root is at depth
   * 1) are in the text: a #GArray of #DossierJsonMember, in order, keyed by
   * the #JsonObject, for dossier_json_members_find().  It spares a caller
   * who needs the exact text of a few members a scan of the whole text for
   * each. */
  GHashTable *spans;
  guint       span_depth;

  /* When not NULL, called as an array opens as the value of the member
   * @name of @object (so @array's parent is @object, and @object is in the
   * tree); what it returns, when not NULL, is passed to @element_read with
   * each element of @array as soon as that element is complete.  Then the
   * element and everything in it are final: what is built from it is what
   * would be built from the finished tree, but while its nodes are still in
   * the processor's cache. */
  gpointer  (*array_opened)  (JsonNode   *array,
                              const char *name,
                              JsonNode   *object,
                              gpointer    user_data);
  void      (*element_read)  (gpointer    watch,
                              JsonNode   *element,
                              gpointer    user_data);
  gpointer    user_data;
} DossierJsonTreeOptions;

/* The root of the tree of @text (a new reference), or NULL when @text is not
 * strictly valid JSON.  @options may be NULL. */
JsonNode   *dossier_json_tree_parse         (const char                   *text,
                                             gsize                         length,
                                             guint                         max_depth,
                                             const DossierJsonTreeOptions *options);

/* An empty table for dossier_json_tree_parse(): it holds a reference to each
 * object it describes, so that no other object can take its address. */
GHashTable *dossier_json_tree_spans_new     (void);

G_END_DECLS
