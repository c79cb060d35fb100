package org.tradingnode.bench.jmh;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.NotSerializableException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializing and deserializing the node's main events with Pekko's Jackson serializers, configured
 * by the node's own configuration (conf/application.conf): jackson-cbor, the serializer the node
 * binds to {@code CborSerializable} for the journal and the wire, and jackson-json for comparison.
 * The serializers come from the serialization extension of an actor system started per trial; only
 * the provider (local, so that nothing binds a port or joins a cluster), the JVM exit on shutdown
 * (which would end the JMH fork) and the log level differ from the node's configuration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SerializationBenchmark {

  private static final String NODE_BINDING = "jackson-cbor";
  private static final String BENCHMARK_OVERRIDES = """
      pekko.actor.provider = local
      pekko.coordinated-shutdown.exit-jvm = off
      pekko.loglevel = WARNING
      """;

  @Param({"jackson-cbor", "jackson-json"})
  public String binding;

  @Param
  public SampleMessage message;

  private ActorSystem system;
  private SerializerWithStringManifest serializer;
  private Object sample;
  private String manifest;
  private byte[] serialized;

  @Setup
  public void startActorSystem() throws NotSerializableException {
    Config config = ConfigFactory.parseString(BENCHMARK_OVERRIDES).withFallback(ConfigFactory.load());
    system = ActorSystem.create("serialization-benchmark", config);
    Serialization serialization = SerializationExtension.get(system);
    sample = message.sample();
    int identifier = config.getInt("pekko.actor.serialization-identifiers." + binding);
    serializer = (SerializerWithStringManifest) serialization.serializerByIdentity().apply(identifier);
    Serializer bound = serialization.serializerFor(sample.getClass());
    if (binding.equals(NODE_BINDING) && bound != serializer) {
      throw new IllegalStateException(sample.getClass().getName() + " is bound to " + bound + ", not " + binding);
    }
    manifest = serializer.manifest(sample);
    serialized = serializer.toBinary(sample);
    Object decoded = serializer.fromBinary(serialized, manifest);
    if (!sample.equals(decoded)) {
      throw new IllegalStateException(binding + " does not round-trip " + sample + ": " + decoded);
    }
  }

  @TearDown
  public void terminateActorSystem() throws InterruptedException, ExecutionException, TimeoutException {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.toBinary(sample);
  }

  @Benchmark
  public Object deserialize() throws NotSerializableException {
    return serializer.fromBinary(serialized, manifest);
  }
}
