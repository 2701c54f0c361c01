import type { TTicketStatus } from '@wisp/shared';

export type TicketEmailLocale = 'en' | 'es';

type Strings = {
  status: Record<TTicketStatus, string>;
  createdSupport: {
    subject: (n: string, title: string) => string;
    heading: string;
    intro: (name: string, id: string) => string;
    action: string;
  };
  customerMessageStaff: {
    subject: (n: string, name: string) => string;
    heading: string;
    intro: (name: string, n: string) => string;
    action: string;
  };
  createdCustomer: { subject: (n: string) => string; heading: string; body: (n: string) => string; action: string };
  reply: { subject: (n: string) => string; heading: string; intro: string; action: string };
  status_: {
    subject: (n: string, s: string) => string;
    heading: string;
    body: (n: string, s: string) => string;
    action: string;
  };
  resolved: {
    subject: (n: string) => string;
    heading: string;
    body: (n: string) => string;
    action: string;
    footnote: (days: number) => string;
  };
};

/** Every customer-facing sentence of ticket emails, in the languages the portal speaks. */
export const TICKET_EMAIL_STRINGS: Record<TicketEmailLocale, Strings> = {
  en: {
    status: {
      open: 'Open',
      'in-progress': 'In progress',
      'waiting-on-customer': 'Waiting for your reply',
      resolved: 'Resolved',
      closed: 'Closed',
    },
    createdSupport: {
      subject: (n, title) => `New ticket ${n}: ${title}`,
      heading: 'A customer opened a ticket',
      intro: (name, id) => `${name} (customer ${id}) wrote:`,
      action: 'Open in the portal',
    },
    customerMessageStaff: {
      subject: (n, name) => `[${n}] New message from ${name}`,
      heading: 'A customer wrote on a ticket',
      intro: (name, n) => `${name} added a message to ${n}:`,
      action: 'Open in the desk',
    },
    createdCustomer: {
      subject: (n) => `We received your request (${n})`,
      heading: 'Thanks, we have your request',
      body: (n) => `Your ticket number is ${n}. Our support team will reply here and by email.`,
      action: 'View your ticket',
    },
    reply: {
      subject: (n) => `New reply on your ticket ${n}`,
      heading: 'Support replied to your ticket',
      intro: 'Our reply:',
      action: 'Reply in the portal',
    },
    status_: {
      subject: (n, s) => `Ticket ${n} is now: ${s}`,
      heading: 'Your ticket was updated',
      body: (n, s) => `The status of ticket ${n} is now "${s}".`,
      action: 'View your ticket',
    },
    resolved: {
      subject: (n) => `Ticket ${n} is resolved`,
      heading: 'We believe your problem is solved',
      body: (n) => `We marked ticket ${n} as resolved. How did we do? Your rating helps us improve.`,
      action: 'Rate our support',
      footnote: (days) => `Not fixed after all? You can reopen the ticket within ${days} days.`,
    },
  },
  es: {
    status: {
      open: 'Abierto',
      'in-progress': 'En curso',
      'waiting-on-customer': 'Esperando su respuesta',
      resolved: 'Resuelto',
      closed: 'Cerrado',
    },
    createdSupport: {
      subject: (n, title) => `Nuevo ticket ${n}: ${title}`,
      heading: 'Un cliente abrió un ticket',
      intro: (name, id) => `${name} (cliente ${id}) escribió:`,
      action: 'Abrir en el portal',
    },
    customerMessageStaff: {
      subject: (n, name) => `[${n}] Nuevo mensaje de ${name}`,
      heading: 'Un cliente escribió en un ticket',
      intro: (name, n) => `${name} agregó un mensaje a ${n}:`,
      action: 'Abrir en el escritorio',
    },
    createdCustomer: {
      subject: (n) => `Recibimos su solicitud (${n})`,
      heading: 'Gracias, recibimos su solicitud',
      body: (n) => `Su número de ticket es ${n}. Nuestro equipo de soporte le responderá aquí y por correo.`,
      action: 'Ver su ticket',
    },
    reply: {
      subject: (n) => `Nueva respuesta en su ticket ${n}`,
      heading: 'Soporte respondió a su ticket',
      intro: 'Nuestra respuesta:',
      action: 'Responder en el portal',
    },
    status_: {
      subject: (n, s) => `El ticket ${n} ahora está: ${s}`,
      heading: 'Su ticket fue actualizado',
      body: (n, s) => `El estado del ticket ${n} ahora es "${s}".`,
      action: 'Ver su ticket',
    },
    resolved: {
      subject: (n) => `El ticket ${n} está resuelto`,
      heading: 'Creemos que su problema está resuelto',
      body: (n) => `Marcamos el ticket ${n} como resuelto. ¿Cómo lo hicimos? Su calificación nos ayuda a mejorar.`,
      action: 'Calificar el soporte',
      footnote: (days) => `¿No se resolvió? Puede reabrir el ticket durante ${days} días.`,
    },
  },
};
