import type { RequestHandler } from 'express';

/** A multipart part that carries files, as the OpenAPI document describes the route's request body. */
export type FileUpload = {
  field: string;
  maxFiles: number;
  /** JSON bodies are accepted too (no files). */ jsonToo: boolean;
};
export type FileUploadMarker = RequestHandler & { fileUpload: FileUpload };

/** Marks a multer middleware with the files it reads, as `validate` marks the parts it parses. */
export function declareFileUpload(handler: RequestHandler, upload: FileUpload): FileUploadMarker {
  return Object.assign(handler, { fileUpload: upload });
}
