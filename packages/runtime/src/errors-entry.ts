// The `/errors` subpath: the error classes that the runtime, each client and the sdk all export (one list, here),
// re-exported from ./internal, which the build keeps as a sibling module (tsdown.config.ts).
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
