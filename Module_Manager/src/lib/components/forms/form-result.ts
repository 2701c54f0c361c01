/**
 * What a form action hands back to its page: field errors, the values to show again (never a
 * password), a form-level message, plus whatever the page's own success state needs (`Extra`).
 */
export type FormResult<Extra extends object = object> =
  | ({
      errors?: Record<string, string>;
      values?: Record<string, string>;
      message?: string;
    } & Partial<Extra>)
  | null;
