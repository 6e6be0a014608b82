/* The word lists of TYPOGRAPHY.md "Breaking display text", per language. */
#include "roneo-phrase-private.h"

#include <string.h>

#define NEVER RONEO_WORD_NEVER_END
#define WEAK RONEO_WORD_WEAK_END
#define OPENS RONEO_WORD_OPENS
#define NOUN RONEO_WORD_OPENS_NOUN
#define PARTICLE RONEO_WORD_PARTICLE
#define NEGATION RONEO_WORD_NEGATION

typedef struct
{
  const char *words; /* space-separated */
  guint flags;
} WordList;

typedef struct
{
  const char *primary;
  const WordList *lists;
  const char *const *pairs; /* "first second", NULL-ended */
  const char *elisions;     /* space-separated, each ending in ' */
} Language;

static const WordList french[] = {
  { "le la les un une des du au aux", NEVER | NOUN },
  { "mon ton son ma ta sa mes tes ses notre votre leur nos vos leurs", NEVER | NOUN },
  { "ce cet cette ces", NEVER | NOUN },
  { "à de en dans par pour sur sous avec sans chez vers entre contre depuis pendant avant "
    "après selon malgré parmi envers dès jusqu'à jusqu'au hors",
    NEVER | OPENS },
  { "ne", NEVER | NEGATION },
  { "ni", NEVER | OPENS },
  { "mais et ou car donc or puis que qui quand comme si lorsque parce afin dont où", WEAK | OPENS },
  { "je tu il elle on nous vous ils elles", WEAK },
  /* the pronouns that lean on the verb after them: "ON SE / BAT" */
  { "me te se y", NEVER },
  { "pas plus jamais rien guère point personne", PARTICLE },
  { NULL, 0 },
};

static const char *const french_pairs[] = {
  "parce que", "ainsi que", "afin de",    "afin que",   "tant que",   "alors que",  "bien que",
  "dès que",   "lors de",   "près de",    "loin de",    "grâce à",    "face à",     "quant à",
  "cause de",  "avant de",  "lieu de",    "plutôt que", "tandis que", "depuis que", "pendant que",
  "autour de", "auprès de", "au-delà de", NULL,
};

static const WordList english[] = {
  { "a an the", NEVER | NOUN },
  { "my your his her its our their", NEVER | NOUN },
  { "of to in on at by for with from into onto over under about against between through "
    "without within upon via per after before since until towards toward among across behind "
    "beyond",
    NEVER | OPENS },
  { "and or but nor so yet because if than that who which", WEAK | OPENS },
  { "i we you he she it they", WEAK },
  { "not no", OPENS },
  { NULL, 0 },
};

static const char *const english_pairs[] = {
  "as well", "so that",  "such as",  "rather than", "instead of", "because of", "out of",
  "as long", "in order", "order to", "ahead of",    "due to",     "do not",     "does not",
  "is not",  "are not",  "will not", "can not",     "did not",    "was not",    NULL,
};

static const WordList german[] = {
  { "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "keines",
    NEVER | NOUN },
  { "mein meine meinen meinem meiner dein deine deinen sein seine seinen seinem seiner ihr "
    "ihre ihren ihrem ihrer unser unsere unseren unserem unserer euer eure euren",
    NEVER | NOUN },
  { "an am auf aus bei beim mit nach von vom vor zu zum zur in im um für gegen ohne durch über "
    "unter zwischen seit bis ab wegen trotz hinter neben ins aufs",
    NEVER | OPENS },
  { "und oder aber sondern denn doch dass weil wenn als wie statt", WEAK | OPENS },
  { "wir sie es ich du er", WEAK },
  { "nicht", OPENS },
  { NULL, 0 },
};

static const char *const german_pairs[] = {
  "so dass", "als ob", "sowohl als", "anstatt zu", "statt zu", "um zu", NULL,
};

static const Language languages[] = {
  { "fr", french, french_pairs, "l' d' n' qu' c' j' m' t' s' jusqu' lorsqu' puisqu'" },
  { "en", english, english_pairs, "" },
  { "de", german, german_pairs, "" },
};

static const Language *
find_language (const char *primary)
{
  for (gsize i = 0; primary != NULL && i < G_N_ELEMENTS (languages); i++)
    if (strcmp (languages[i].primary, primary) == 0)
      return &languages[i];
  return NULL;
}

/* Whether word is one of the space-separated words of list. */
static gboolean
in_list (const char *list, const char *word, gsize length)
{
  for (const char *p = list; *p != '\0';)
    {
      const char *end = strchr (p, ' ');
      gsize n = end ? (gsize) (end - p) : strlen (p);
      if (n == length && strncmp (p, word, n) == 0)
        return TRUE;
      p += n + (end != NULL);
    }
  return FALSE;
}

guint
roneo_phrase_word_flags (const char *primary, const char *word)
{
  const Language *language = find_language (primary);
  guint flags = 0;
  for (const WordList *l = language ? language->lists : NULL; l && l->words; l++)
    if (in_list (l->words, word, strlen (word)))
      flags |= l->flags;
  return flags;
}

gboolean
roneo_phrase_knows (const char *primary)
{
  return find_language (primary) != NULL;
}

gboolean
roneo_phrase_is_pair (const char *primary, const char *first, const char *second)
{
  const Language *language = find_language (primary);
  g_autofree char *pair = g_strconcat (first, " ", second, NULL);
  for (const char *const *p = language ? language->pairs : NULL; p && *p; p++)
    if (strcmp (*p, pair) == 0)
      return TRUE;
  return FALSE;
}

gsize
roneo_phrase_elision (const char *primary, const char *word)
{
  const Language *language = find_language (primary);
  const char *apostrophe = strchr (word, '\'');
  if (language == NULL || apostrophe == NULL)
    return 0;
  gsize length = apostrophe - word + 1;
  return in_list (language->elisions, word, length) ? length : 0;
}
