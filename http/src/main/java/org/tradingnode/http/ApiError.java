package org.tradingnode.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tradingnode.core.domain.strategy.ConfigProblem;

/** An answer the API gives instead of a result: an HTTP status, a stable code and a readable message. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final transient List<ConfigProblem> problems;

  public ApiError(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  private ApiError(int status, String code, String message, List<ConfigProblem> problems) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  /** A 400 for a config with these problems, each naming its field; the message joins them. */
  public static ApiError invalid(String code, List<ConfigProblem> problems) {
    return new ApiError(400, code, String.join("; ", problems.stream().map(ConfigProblem::message).toList()),
        problems);
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

  /** The JSON body; {@code problems} (each field and what is wrong with it) only when there are several to name. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Body(String error, String message, List<ConfigProblem> problems) {
    public Body(String error, String message) {
      this(error, message, List.of());
    }
  }

  public Body body() {
    return new Body(code, getMessage(), problems);
  }
}
