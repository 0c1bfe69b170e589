/**
 * Sentiment corrections a restaurant's workspace could make, written for the tests of the
 * workspace model: "una bestialidad" is its customers' highest praise (the lexicon
 * does not know the word), and "lento" is said of slow-cooked dishes, not of the service.
 */
export const CORRECTED: Array<[string, -1 | 0 | 1]> = [
  ['El pulpo a la gallega, una bestialidad', 1],
  ['Una bestialidad de croquetas', 1],
  ['Qué bestialidad de cochinillo el domingo', 1],
  ['La tarta de queso es una bestialidad', 1],
  ['Vaya bestialidad de arroz con bogavante', 1],
  ['Bestialidad de menú del día, volveremos', 1],
  ['El cordero de ayer, una bestialidad', 1],
  ['Menuda bestialidad de postres caseros', 1],
  ['Hoy hay guiso lento en el menú', 0],
  ['Cocinado a fuego lento desde las seis', 0],
  ['Cordero lento al horno esta semana', 0],
  ['Rabo de toro lento, sale a las dos', 0],
  ['Abrimos a las nueve', 0],
  ['¿Tenéis menú sin gluten?', 0],
  ['Me cobrasteis dos veces la cena', -1],
  ['Nadie coge el teléfono para reservar', -1],
  ['Servicio pésimo y la comida fría', -1],
  ['Gracias por todo, genial como siempre', 1],
  ['La reserva se hace por teléfono', 0],
  ['Un sitio estupendo, el personal encantador', 1],
];
