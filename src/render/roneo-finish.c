#include "roneo-finish.h"
#include "roneo-intl-private.h"

#include "roneo-error.h"
#include "roneo-finish-syntax.h"
#include "roneo-output.h"

#include <math.h>
#include <qpdf/qpdf-c.h>

static void
set_qpdf_error (qpdf_data qpdf, qpdf_error problem, const char *out_path, GError **error)
{
  g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT, _ ("cannot write '%s': qpdf: %s"), out_path,
               qpdf_get_error_full_text (qpdf, problem));
}

/* Cairo repeats a resource key when one surface is painted twice on a page
 * (PITFALLS 13); both entries name the same object and the rewrite drops one. */
static gboolean
is_repaired_by_rewrite (qpdf_data qpdf, qpdf_error warning)
{
  const char *detail = qpdf_get_error_message_detail (qpdf, warning);
  return detail != NULL && g_str_has_prefix (detail, "dictionary has duplicated key");
}

/* Reports qpdf's pending error, or else its first warning that the rewrite
 * does not repair: any other warning means our own file is damaged. */
static gboolean
take_qpdf_problem (qpdf_data qpdf, const char *out_path, GError **error)
{
  if (qpdf_has_error (qpdf))
    {
      set_qpdf_error (qpdf, qpdf_get_error (qpdf), out_path, error);
      return TRUE;
    }
  while (qpdf_more_warnings (qpdf))
    {
      qpdf_error warning = qpdf_next_warning (qpdf);
      if (!is_repaired_by_rewrite (qpdf, warning))
        {
          set_qpdf_error (qpdf, warning, out_path, error);
          return TRUE;
        }
    }
  return FALSE;
}

/* Six decimals, as cairo writes the MediaBox: the same bytes every run. */
static qpdf_oh
new_box (qpdf_data qpdf, const double media[4], double inset)
{
  qpdf_oh box = qpdf_oh_new_array (qpdf);
  const double values[4]
      = { media[0] + inset, media[1] + inset, media[2] - inset, media[3] - inset };
  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (qpdf, box, qpdf_oh_new_real_from_double (qpdf, values[i], 6));
  return box;
}

static gboolean
read_media_box (qpdf_data qpdf, qpdf_oh page, double media[4])
{
  qpdf_oh box = qpdf_oh_get_key (qpdf, page, "/MediaBox");
  if (!qpdf_oh_is_array (qpdf, box) || qpdf_oh_get_array_n_items (qpdf, box) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!qpdf_oh_get_value_as_number (qpdf, qpdf_oh_get_array_item (qpdf, box, i), &media[i]))
      return FALSE;
  return media[2] - media[0] > 0 && media[3] - media[1] > 0;
}

static gboolean
finish_page (qpdf_data qpdf, qpdf_oh page, const RoneoFinishOptions *options)
{
  double media[4];
  if (!read_media_box (qpdf, page, media))
    return FALSE;
  const double unit = options->user_unit > 1 ? options->user_unit : 1;
  const double bleed = options->bleed / unit, mark_room = options->mark_room / unit;
  qpdf_oh_replace_key (qpdf, page, "/TrimBox", new_box (qpdf, media, bleed + mark_room));
  if (options->bleed > 0 || options->mark_room > 0)
    qpdf_oh_replace_key (qpdf, page, "/BleedBox", new_box (qpdf, media, mark_room));
  if (unit > 1)
    qpdf_oh_replace_key (qpdf, page, "/UserUnit",
                         unit == floor (unit) ? qpdf_oh_new_integer (qpdf, (long long) unit)
                                              : qpdf_oh_new_real_from_double (qpdf, unit, 6));
  if (!options->keep_group)
    qpdf_oh_remove_key (qpdf, page, "/Group");
  return TRUE;
}

/* The links of page index from *next on (links come in page order) as
 * indirect annotations in its /Annots; *next moves past them. */
static void
add_links (qpdf_data qpdf, qpdf_oh page, int index, const GArray *links, guint *next)
{
  qpdf_oh annots = 0;
  for (; links != NULL && *next < links->len; (*next)++)
    {
      const RoneoFinishLink *link = &g_array_index (links, RoneoFinishLink, *next);
      if (link->page != (guint) index)
        break;
      if (annots == 0)
        annots = qpdf_oh_new_array (qpdf);
      g_autofree char *text = roneo_pdf_link_annotation (link->rect, link->uri);
      qpdf_oh_append_item (qpdf, annots,
                           qpdf_make_indirect_object (qpdf, qpdf_oh_parse (qpdf, text)));
    }
  if (annots != 0)
    qpdf_oh_replace_key (qpdf, page, "/Annots", annots);
}

static gboolean
finish_pages (qpdf_data qpdf, const RoneoFinishOptions *options, const char *out_path,
              GError **error)
{
  /* Cairo writes MediaBox on each page, but an inherited one must count too. */
  qpdf_push_inherited_attributes_to_page (qpdf);
  int n_pages = qpdf_get_num_pages (qpdf);
  guint next_link = 0;
  for (int i = 0; i < n_pages && !qpdf_has_error (qpdf); i++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, i);
      if (!finish_page (qpdf, page, options) && !qpdf_has_error (qpdf))
        {
          g_set_error (error, RONEO_ERROR, RONEO_ERROR_OUTPUT,
                       _ ("cannot write '%s': page %d has no usable /MediaBox"), out_path, i + 1);
          return FALSE;
        }
      add_links (qpdf, page, i, options->links, &next_link);
      qpdf_oh_release_all (qpdf);
    }
  return !take_qpdf_problem (qpdf, out_path, error);
}

/* Into memory: qpdf's own file writer does not check the final flush. */
static gboolean
write_to_memory (qpdf_data qpdf, const char *out_path, GError **error)
{
  qpdf_init_write_memory (qpdf);
  qpdf_set_deterministic_ID (qpdf, QPDF_TRUE);
  qpdf_set_object_stream_mode (qpdf, qpdf_o_generate);
  qpdf_set_compress_streams (qpdf, QPDF_TRUE);
  /* cairo compressed its streams already: recompressing them doubled the cost */
  qpdf_set_stream_data_mode (qpdf, qpdf_s_preserve);
  qpdf_write (qpdf);
  return !take_qpdf_problem (qpdf, out_path, error);
}

static gboolean
save_buffer (qpdf_data qpdf, RoneoOutput *output, GError **error)
{
  if (!roneo_output_write (output, qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf)))
    return roneo_output_fail (output, "write failed", error);
  return TRUE;
}

static gboolean
finish (qpdf_data qpdf, RoneoOutput *output, const RoneoFinishOptions *options, GError **error)
{
  const char *out_path = roneo_output_peek_path (output);
  if (take_qpdf_problem (qpdf, out_path, error))
    return FALSE;
  return finish_pages (qpdf, options, out_path, error) && write_to_memory (qpdf, out_path, error)
         && save_buffer (qpdf, output, error);
}

static qpdf_data
qpdf_new_quiet (void)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  return qpdf;
}

gboolean
roneo_finish_pdf_data_to (const guint8 *data, gsize length, RoneoOutput *output,
                          const RoneoFinishOptions *options, GError **error)
{
  g_return_val_if_fail (data != NULL && output != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  qpdf_data qpdf = qpdf_new_quiet ();
  qpdf_read_memory (qpdf, roneo_output_peek_path (output), (const char *) data, length, NULL);
  gboolean ok = finish (qpdf, output, options, error);
  qpdf_cleanup (&qpdf);
  return ok;
}

gboolean
roneo_finish_pdf_data (const guint8 *data, gsize length, const char *out_path,
                       const RoneoFinishOptions *options, GError **error)
{
  g_return_val_if_fail (data != NULL && out_path != NULL && options != NULL, FALSE);
  g_autoptr (RoneoOutput) output = roneo_output_open (out_path, ".tmp", error);
  return output != NULL && roneo_finish_pdf_data_to (data, length, output, options, error)
         && roneo_output_commit (output, error);
}
