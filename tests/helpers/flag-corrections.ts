/**
 * Complaint and insult corrections a shop's workspace could make, written for the tests of the
 * workspace's flag models: its customers praise with "de puta madre" (the insult checker flags
 * the swear word), call clumsy staff "melón" (the checker does not know the word), and report
 * faults as "sigue sin llegar" or "hace un ruido raro" with no complaint vocabulary the engine
 * knows. Beside them, mentions the engine already gets right, confirmed by the user.
 */
export const INSULT_CORRECTED: Array<[string, boolean]> = [
  ['Esta paella está de puta madre', false],
  ['El concierto de anoche, de puta madre', false],
  ['Las croquetas de puta madre, como siempre', false],
  ['Servicio de puta madre, gracias', false],
  ['Una terraza de puta madre para el verano', false],
  ['El cocido de puta madre', false],
  ['Qué arroz de puta madre', false],
  ['El camarero nuevo es de puta madre', false],
  ['Eres un melón', true],
  ['Vaya melón el de la barra', true],
  ['El encargado es un melón', true],
  ['Menudo melón de repartidor', true],
  ['Qué melón el de atención al cliente', true],
  ['Eres un melón de cuidado', true],
  ['El de caja es un melón, no sabe ni cobrar', true],
  ['Vaya melón el que coge el teléfono', true],
  ['Eres un imbécil', true],
  ['Sois unos idiotas', true],
  ['Abrimos a las nueve', false],
  ['¿Tenéis menú sin gluten?', false],
  ['La reserva se hace por teléfono', false],
  ['Gracias por la cena de ayer', false],
];

export const COMPLAINT_CORRECTED: Array<[string, boolean]> = [
  ['El paquete sigue sin llegar', true],
  ['Mi pedido sigue sin aparecer', true],
  ['El pedido sigue sin llegar y ya es jueves', true],
  ['Sigue sin llegar la devolución', true],
  ['El envío sigue sin llegar', true],
  ['La lavadora hace un ruido raro', true],
  ['El portátil hace un ruido raro al encender', true],
  ['La nevera hace un ruido raro por las noches', true],
  ['El secador hace un ruido raro', true],
  ['Llevo tres semanas esperando mi pedido y nadie me contesta', true],
  ['Gracias por el envío tan rápido', false],
  ['Abrimos a las nueve', false],
  ['¿Hacéis envíos a Canarias?', false],
  ['El paquete llegó perfecto', false],
  ['Me encanta la lavadora nueva', false],
  ['Qué buena la atención de ayer', false],
  ['Mañana os visito en la tienda', false],
  ['La tienda abre los domingos', false],
  ['El portátil nuevo vuela', false],
  ['Muy contenta con la nevera', false],
  ['¿Cuándo llegan los secadores nuevos?', false],
];
