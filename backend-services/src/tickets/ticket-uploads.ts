import multer from 'multer';
import type { Request, RequestHandler } from 'express';
import type { TConfig } from '../config.ts';
import { AppError } from '../platform/http/app-error.ts';
import { displayName, type UploadedFile } from './ticket-files.ts';
import { declareFileUpload } from '../platform/http/file-upload.ts';

/**
 * Multipart parsing for ticket routes: files stay in memory (size- and count-limited) until every one
 * has been checked, so nothing reaches the disk before the whole request is accepted. Form fields are
 * small text only. JSON requests pass through untouched.
 */
export function ticketUploads(config: Pick<TConfig, 'UPLOAD_MAX_FILE_MB' | 'UPLOAD_MAX_FILES'>): RequestHandler {
  const parse = multer({
    storage: namingStorage(),
    limits: {
      fileSize: Math.floor(config.UPLOAD_MAX_FILE_MB * 1024 * 1024),
      files: config.UPLOAD_MAX_FILES,
      fields: 20,
      fieldSize: 64 * 1024,
      parts: config.UPLOAD_MAX_FILES + 20,
    },
  }).array('files', config.UPLOAD_MAX_FILES);
  const handler: RequestHandler = (req, res, next) => {
    parse(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
        // Multipart parts arrive one after another: the file over the limit is the last one started.
        const started = filesStarted(req);
        const message = `${started.at(-1) ?? 'A file'} is too large (max ${config.UPLOAD_MAX_FILE_MB} MB).`;
        return next(
          new AppError('PAYLOAD_TOO_LARGE', 413, message, { [`files.${Math.max(started.length - 1, 0)}`]: message }),
        );
      }
      next(err);
    });
  };
  return declareFileUpload(handler, { field: 'files', maxFiles: config.UPLOAD_MAX_FILES, jsonToo: true });
}

const STARTED = Symbol('upload files started');
type WithStarted = Request & { [STARTED]?: string[] };
const filesStarted = (req: Request) => ((req as WithStarted)[STARTED] ??= []);

/** Memory storage that notes each file's name as it starts, so a limit error can name the file. */
function namingStorage(): multer.StorageEngine {
  const memory = multer.memoryStorage();
  return {
    _handleFile(req, file, callback) {
      filesStarted(req).push(displayName(file.originalname));
      memory._handleFile(req, file, callback);
    },
    _removeFile: (req, file, callback) => memory._removeFile(req, file, callback),
  };
}

export function uploadedFilesOf(req: Request): UploadedFile[] {
  return Array.isArray(req.files)
    ? req.files.map((f) => ({ originalname: f.originalname, buffer: f.buffer, size: f.size }))
    : [];
}
