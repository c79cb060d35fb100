package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * Every message, event and state of the core (every {@link CborSerializable} record or enum, found by
 * scanning the classes) survives the node's serializer unchanged. A new message is covered without
 * touching this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageSerializationTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private final SerializationTestKit serialization = new SerializationTestKit(kit.system());
  private final ActorRef<Object> someRef = kit.<Object>createTestProbe().ref();

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  @Test
  void everyCoreMessageEventAndStateRoundTripsThroughTheNodeSerializer() {
    List<String> verified = new ArrayList<>();
    for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tradingnode.core")) {
      Class<?> type = javaClass.reflect();
      if (!CborSerializable.class.isAssignableFrom(type) || !(type.isRecord() || type.isEnum())) {
        continue;
      }
      serialization.verifySerialization(sample(type), true);
      verified.add(type.getSimpleName());
    }
    assertTrue(verified.size() > 60, "only " + verified.size() + " types found: " + verified);
    assertTrue(verified.containsAll(List.of("CreateStrategy", "OrderIntended", "DefinedStrategy", "EvaluateIntent",
        "OrderApproved", "SubmitOrder", "OrderFilled", "ChangeMode", "ModeChanged", "PublishMarketData",
        "Report", "NodeAccount", "HaltSignal")), "the messages that cross nodes are among them: " + verified);
  }

  private Object sample(Type type) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == String.class) {
      return "x-1";
    }
    if (raw == long.class || raw == Long.class) {
      return 1L;
    }
    if (raw == int.class || raw == Integer.class) {
      return 1;
    }
    if (raw == double.class || raw == Double.class) {
      return 1.5;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw == BigDecimal.class) {
      return new BigDecimal("1.25");
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (ActorRef.class.isAssignableFrom(raw)) {
      return someRef;
    }
    if (raw == List.class) {
      return List.of(sample(argument(type, 0)));
    }
    if (raw == LinkedHashSet.class) {
      return new LinkedHashSet<>(Set.of(sample(argument(type, 0))));
    }
    if (raw == Set.class) {
      return Set.of(sample(argument(type, 0)));
    }
    if (raw == Map.class) {
      return Map.of(sample(argument(type, 0)), sample(argument(type, 1)));
    }
    if (raw.isSealed()) {
      return sample(raw.getPermittedSubclasses()[0]);
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = sample(components[i].getGenericType());
        types[i] = components[i].getType();
      }
      try {
        var constructor = raw.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build a sample " + raw.getName(), e);
      }
    }
    throw new IllegalStateException("no sample for " + type);
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
