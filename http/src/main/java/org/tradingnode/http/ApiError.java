package org.tradingnode.http;

/** An answer the API gives instead of a result: an HTTP status, a stable code and a readable message. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "conflict", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The JSON body. */
  public record Body(String error, String message) {}

  public Body body() {
    return new Body(code, getMessage());
  }
}
