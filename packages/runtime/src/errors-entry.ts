// The `/errors` subpath: the error classes that the runtime, each client and the sdk all export (one list, here),
// re-exported from ./internal so that every entry shares its one code chunk (see internal.ts).
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CommerceCollectionsError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from './internal';
