import type { Messages } from './en';

/** Textos en español. Mismas claves que en.ts (un test lo comprueba). */
export const es: Messages = {
  app: {
    name: 'Atalaya',
    tagline: 'Tu marca, vigilada desde tu propio ordenador',
    skip: 'Saltar al contenido',
  },
  nav: {
    overview: 'Resumen',
    mentions: 'Menciones',
    people: 'Personas',
    responses: 'Respuestas',
    crises: 'Crisis',
    reports: 'Informes',
    sources: 'Fuentes',
    settings: 'Ajustes',
    main: 'Secciones principales',
  },
  common: {
    save: 'Guardar',
    saving: 'Guardando…',
    saved: 'Guardado',
    revert: 'Deshacer cambios',
    add: 'Añadir',
    remove: 'Quitar',
    loading: 'Cargando…',
    retry: 'Reintentar',
    language: 'Idioma',
    theme: 'Tema',
    themeSystem: 'Según el sistema',
    themeLight: 'Claro',
    themeDark: 'Oscuro',
    unsaved: 'Tienes cambios sin guardar',
  },
  errors: {
    generic: 'Algo ha fallado: {{message}}',
    session_expired:
      'La sesión del navegador ha caducado. Vuelve a abrir la dirección que Atalaya mostró en el terminal.',
    noWorkspace: 'No hay ningún espacio de trabajo abierto.',
  },
  overview: {
    title: 'Resumen',
    today: 'Hoy',
    empty:
      'Aún no hay menciones. Añade un feed o importa una exportación en Fuentes para empezar a escuchar.',
    mentions: 'Menciones guardadas',
    authors: 'Personas vistas',
    feeds: 'Feeds',
    imports: 'Importaciones',
    goSources: 'Ir a Fuentes',
    recovered:
      'Atalaya no se cerró bien la última vez; se ha comprobado el espacio de trabajo y está intacto.',
  },
  soon: {
    title: 'Próximamente',
    body: '{{page}} está en construcción. Mientras tanto, todo lo que importes se guarda y aparecerá aquí.',
    mentions:
      'Busca entre todas las menciones, fíltralas y mira por qué se valoró cada una como se valoró.',
    people: 'Distingue clientes enfadados de agitadores, con las pruebas de cada etiqueta.',
    responses: 'Lo rápido y lo bien que responde la marca, y las quejas que siguen esperando.',
    crises:
      'Alertas cuando el volumen negativo rompe su patrón habitual, y repetición de días pasados.',
    reports: 'Informes post-crisis en HTML y PDF, listos para un cliente.',
    sources: 'Feeds consultados periódicamente y exportaciones de todos los canales.',
  },
  settings: {
    title: 'Ajustes',
    profile: 'Perfil de la marca',
    brand: 'Nombre de la marca',
    keywords: 'Palabras clave',
    keywordsHelp: 'Palabras que identifican a la marca en las publicaciones, separadas por comas.',
    excludes: 'Palabras excluidas',
    excludesHelp:
      'Las publicaciones con estas palabras no tratan de la marca (p. ej. un homónimo).',
    handles: 'Cuentas de la marca',
    handlesHelp:
      'Lo que publican estas cuentas son respuestas de la marca; sirven para medir tiempos de respuesta.',
    channel: 'Canal',
    handle: 'Usuario',
    timezone: 'Zona horaria',
    hours: 'Horario de atención',
    days: 'Días',
    opens: 'Abre',
    closes: 'Cierra',
    target: 'Objetivo de respuesta (minutos)',
    targetHelp: 'Las respuestas dentro de este tiempo cuentan como en objetivo.',
    appearance: 'Apariencia',
    workspaceFile: 'Archivo del espacio de trabajo',
    check: 'Comprobar el archivo ahora',
    checkOk: 'El archivo del espacio de trabajo está intacto.',
    checkFail: 'Se han encontrado problemas: {{details}}',
    about: 'Acerca de',
    version: 'Versión {{version}}',
    invalid: 'Corrige esto: {{message}}',
  },
  days: { 1: 'lun', 2: 'mar', 3: 'mié', 4: 'jue', 5: 'vie', 6: 'sáb', 7: 'dom' },
  picker: {
    title: 'Elige un espacio de trabajo',
    intro:
      'Un espacio de trabajo es un archivo para una marca o cliente. Todo se queda en este ordenador.',
    create: 'Crear un espacio de trabajo…',
    open: 'Abrir un espacio de trabajo…',
    recent: 'Espacios recientes',
    noRecent: 'Todavía no hay espacios recientes.',
    missing: 'archivo no encontrado',
    newBrand: 'Nombre de la marca del nuevo espacio',
    browserOnly:
      'En modo navegador, Atalaya trabaja con el espacio indicado en la línea de órdenes.',
    current: 'Espacio actual',
    switch: 'Cambiar de espacio',
  },
};
