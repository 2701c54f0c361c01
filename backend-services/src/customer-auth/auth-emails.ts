import type { TLocale } from '@wisp/shared';
import { renderBrandedEmail } from '../notifications/branded-email.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

export type AuthEmailKind = 'signup-link' | 'portal-invite' | 'password-reset' | 'staff-invite' | 'staff-reset';
type Texts = { subject: string; heading: string; paragraphs: string[]; action: string; footnote: string };

/** Every sign-in email in each language the portal speaks. `{company}` and `{name}` are filled in. */
const TEXTS: Record<AuthEmailKind, Record<TLocale, Texts>> = {
  'signup-link': {
    en: {
      subject: 'Choose your password for {company}',
      heading: 'Finish creating your account',
      paragraphs: [
        'Hi {name},',
        'Someone asked to create a {company} customer portal account with your customer ID and phone number. If that was you, choose your password to finish.',
      ],
      action: 'Choose my password',
      footnote:
        'This link works once and expires in 24 hours. If you did not ask for this, ignore this email: nothing changes.',
    },
    es: {
      subject: 'Elija su contraseña para {company}',
      heading: 'Termine de crear su cuenta',
      paragraphs: [
        'Hola {name}:',
        'Alguien pidió crear una cuenta en el portal de clientes de {company} con su número de cliente y su teléfono. Si fue usted, elija su contraseña para terminar.',
      ],
      action: 'Elegir mi contraseña',
      footnote:
        'Este enlace funciona una sola vez y vence en 24 horas. Si usted no lo pidió, ignore este mensaje: nada cambia.',
    },
  },
  'portal-invite': {
    en: {
      subject: 'Your invitation to the {company} customer portal',
      heading: 'Set up your customer portal account',
      paragraphs: [
        'Hi {name},',
        '{company} invited you to the customer portal, where you can see your service, equipment and support tickets. Choose a password to get started.',
      ],
      action: 'Set up my account',
      footnote: 'This link works once and expires in 7 days.',
    },
    es: {
      subject: 'Su invitación al portal de clientes de {company}',
      heading: 'Configure su cuenta del portal de clientes',
      paragraphs: [
        'Hola {name}:',
        '{company} le invitó al portal de clientes, donde puede ver su servicio, sus equipos y sus solicitudes de soporte. Elija una contraseña para comenzar.',
      ],
      action: 'Configurar mi cuenta',
      footnote: 'Este enlace funciona una sola vez y vence en 7 días.',
    },
  },
  'password-reset': {
    en: {
      subject: 'Reset your {company} portal password',
      heading: 'Reset your password',
      paragraphs: [
        'Hi {name},',
        'Someone asked to reset the password of your {company} customer portal account. Choose a new password with the button below.',
      ],
      action: 'Choose a new password',
      footnote:
        'If you did not ask for this, ignore this email: your password stays the same. Resetting signs you out everywhere.',
    },
    es: {
      subject: 'Restablezca su contraseña del portal de {company}',
      heading: 'Restablezca su contraseña',
      paragraphs: [
        'Hola {name}:',
        'Alguien pidió restablecer la contraseña de su cuenta del portal de clientes de {company}. Elija una contraseña nueva con el botón de abajo.',
      ],
      action: 'Elegir una contraseña nueva',
      footnote:
        'Si usted no lo pidió, ignore este mensaje: su contraseña no cambia. Al restablecerla se cerrarán todas sus sesiones.',
    },
  },
  'staff-invite': {
    en: {
      subject: 'You are invited to the {company} staff workspace',
      heading: 'Join the {company} team',
      paragraphs: ['Hi {name},', '{company} added you to its staff workspace. Choose a password to get started.'],
      action: 'Choose my password',
      footnote: 'This link works once and expires in 7 days.',
    },
    es: {
      subject: 'Le invitaron al espacio del personal de {company}',
      heading: 'Únase al equipo de {company}',
      paragraphs: [
        'Hola {name}:',
        '{company} le agregó a su espacio del personal. Elija una contraseña para comenzar.',
      ],
      action: 'Elegir mi contraseña',
      footnote: 'Este enlace funciona una sola vez y vence en 7 días.',
    },
  },
  'staff-reset': {
    en: {
      subject: 'Reset your {company} staff password',
      heading: 'Reset your password',
      paragraphs: [
        'Hi {name},',
        'Someone asked to reset the password of your {company} staff account. Choose a new password with the button below.',
      ],
      action: 'Choose a new password',
      footnote:
        'This link works once and expires in 1 hour. If you did not ask for this, ignore this email: your password stays the same.',
    },
    es: {
      subject: 'Restablezca su contraseña del personal de {company}',
      heading: 'Restablezca su contraseña',
      paragraphs: [
        'Hola {name}:',
        'Alguien pidió restablecer la contraseña de su cuenta del personal de {company}. Elija una contraseña nueva con el botón de abajo.',
      ],
      action: 'Elegir una contraseña nueva',
      footnote:
        'Este enlace funciona una sola vez y vence en 1 hora. Si usted no lo pidió, ignore este mensaje: su contraseña no cambia.',
    },
  },
};

/** Subject, HTML and text of one sign-in email, branded for the tenant, in `locale`. */
export function renderAuthEmail(
  kind: AuthEmailKind,
  locale: TLocale,
  tenant: TTenantDoc,
  values: { name: string; url: string },
) {
  const t = TEXTS[kind][locale];
  const fill = (s: string) =>
    s.replaceAll('{company}', tenant.branding.company.displayName).replaceAll('{name}', values.name);
  const { html, text } = renderBrandedEmail(tenant, {
    preheader: fill(t.heading),
    heading: fill(t.heading),
    paragraphs: t.paragraphs.map(fill),
    action: { label: fill(t.action), url: values.url },
    footnote: fill(t.footnote),
  });
  return { subject: fill(t.subject), html, text };
}

/** The customer's language when they chose one, else the tenant's. */
export function localeFor(customer: { preferredLocale?: string | null }, tenant: TTenantDoc): TLocale {
  const pick = customer.preferredLocale ?? tenant.defaultLocale;
  return pick === 'es' ? 'es' : 'en';
}
