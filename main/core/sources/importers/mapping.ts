/** Fields a generic file can be mapped to (PRODUCT.md, `import --map`). */
export const MAP_FIELDS = [
  'id',
  'date',
  'text',
  'title',
  'author',
  'author_name',
  'channel',
  'url',
  'rating',
  'reply_to',
  'thread',
  'lang',
  'likes',
  'shares',
  'followers',
] as const;
export type MapField = (typeof MAP_FIELDS)[number];

/** Header names seen in Spanish and English exports, normalised (lower case, no accents). */
const SYNONYMS: Record<MapField, string[]> = {
  id: [
    'id',
    'id str',
    'tweet id',
    'post id',
    'comment id',
    'review id',
    'message id',
    'status id',
    'identificador',
    'id publicacion',
    'id mensaje',
  ],
  date: [
    'date',
    'created at',
    'created',
    'datetime',
    'timestamp',
    'time',
    'published',
    'published at',
    'fecha',
    'fecha publicacion',
    'fecha de publicacion',
    'fecha hora',
    'review created utc',
    'comment create timestamp',
    'publish date',
  ],
  text: [
    'text',
    'full text',
    'body',
    'message',
    'content',
    'comment',
    'comment text',
    'tweet',
    'post',
    'texto',
    'mensaje',
    'contenido',
    'comentario',
    'opinion',
    'review',
    'review content',
    'hit sentence',
    'opening text',
    'snippet',
    'resena',
  ],
  title: ['title', 'headline', 'subject', 'titulo', 'asunto', 'review title', 'titular'],
  author: [
    'author',
    'username',
    'user',
    'screen name',
    'user screen name',
    'handle',
    'usuario',
    'autor',
    'cuenta',
    'influencer',
    'author username',
    'author handle',
    'channel id',
  ],
  author_name: [
    'author name',
    'name',
    'display name',
    'user name',
    'nombre',
    'nombre autor',
    'full name',
  ],
  channel: [
    'channel',
    'platform',
    'network',
    'source type',
    'sourcetype',
    'media type',
    'canal',
    'plataforma',
    'red social',
    'red',
    'medio',
    'source',
  ],
  url: ['url', 'link', 'permalink', 'post url', 'tweet url', 'enlace', 'direccion'],
  rating: [
    'rating',
    'stars',
    'star rating',
    'review stars',
    'puntuacion',
    'estrellas',
    'valoracion',
    'nota',
    'calificacion',
  ],
  reply_to: [
    'in reply to',
    'in reply to status id',
    'in response to tweet id',
    'reply to',
    'parent',
    'parent id',
    'parent comment id',
    'respuesta a',
    'en respuesta a',
  ],
  thread: [
    'thread',
    'thread id',
    'conversation',
    'conversation id',
    'hilo',
    'conversacion',
    'video id',
    'link id',
  ],
  lang: ['lang', 'language', 'idioma', 'lengua', 'review language'],
  likes: [
    'likes',
    'like count',
    'favorites',
    'favorite count',
    'me gusta',
    'reactions',
    'reacciones',
  ],
  shares: ['shares', 'retweets', 'retweet count', 'share count', 'compartidos', 'compartir'],
  followers: ['followers', 'followers count', 'author followers', 'seguidores', 'reach', 'alcance'],
};

export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Suggests which column feeds each field, from Spanish and English header names. Exact
 * synonyms win over partial ones; a column is used for one field only.
 */
export function suggestMapping(headers: string[]): Record<string, string> {
  const norm = headers.map(normaliseHeader);
  const used = new Set<number>();
  const map: Record<string, string> = {};
  for (const pass of ['exact', 'partial'] as const) {
    for (const field of MAP_FIELDS) {
      if (map[field]) continue;
      for (const syn of SYNONYMS[field]) {
        const i = norm.findIndex(
          (h, j) =>
            !used.has(j) &&
            (pass === 'exact' ? h === syn : h.split(' ').includes(syn) && syn.length > 3),
        );
        if (i >= 0) {
          map[field] = headers[i] as string;
          used.add(i);
          break;
        }
      }
    }
  }
  return map;
}
