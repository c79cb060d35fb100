package org.tradingnode.core.entity.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.Serializers;

/**
 * Binary form of {@link ChainedEvent} and {@link ChainedSnapshot}. An event is stored as: version,
 * previous hash (32 bytes), hash (32 bytes), the payload's serializer id and manifest, then the payload
 * exactly as it was hashed, so that a verifier checks the very bytes the journal holds. A snapshot
 * holds the head hash and the state serialized with the state's own serializer.
 */
public final class ChainSerializer extends SerializerWithStringManifest {
  private static final String EVENT = "E";
  private static final String SNAPSHOT = "S";
  private static final int VERSION = 1;
  private static final HexFormat HEX = HexFormat.of();

  private final ExtendedActorSystem system;
  private volatile Serialization serialization;

  public ChainSerializer(ExtendedActorSystem system) {
    this.system = system;
  }

  @Override
  public int identifier() {
    return 7301;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof ChainedEvent) {
      return EVENT;
    }
    if (o instanceof ChainedSnapshot) {
      return SNAPSHOT;
    }
    throw new IllegalArgumentException("cannot serialize " + o.getClass().getName());
  }

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (o instanceof ChainedEvent e) {
        out.write(HEX.parseHex(e.previousHash()));
        out.write(HEX.parseHex(e.hash()));
        writePayload(out, e.serializerId(), e.manifest(), e.payload());
      } else if (o instanceof ChainedSnapshot s) {
        Serializer serializer = serialization().findSerializerFor(s.state());
        out.write(HEX.parseHex(s.headHash()));
        writePayload(out, serializer.identifier(), Serializers.manifestFor(serializer, s.state()),
            serializer.toBinary(s.state()));
      } else {
        throw new IllegalArgumentException("cannot serialize " + o.getClass().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown chained record version " + version);
      }
      if (EVENT.equals(manifest)) {
        String previous = HEX.formatHex(in.readNBytes(32));
        String hash = HEX.formatHex(in.readNBytes(32));
        int serializerId = in.readInt();
        String payloadManifest = in.readUTF();
        byte[] payload = in.readAllBytes();
        Object event = serialization().deserialize(payload, serializerId, payloadManifest).get();
        return new ChainedEvent(previous, hash, event, serializerId, payloadManifest, payload);
      }
      if (SNAPSHOT.equals(manifest)) {
        String head = HEX.formatHex(in.readNBytes(32));
        int serializerId = in.readInt();
        String stateManifest = in.readUTF();
        Object state = serialization().deserialize(in.readAllBytes(), serializerId, stateManifest).get();
        return new ChainedSnapshot(state, head);
      }
      throw new IllegalArgumentException("unknown manifest " + manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePayload(DataOutputStream out, int serializerId, String manifest, byte[] payload)
      throws IOException {
    out.writeInt(serializerId);
    out.writeUTF(manifest);
    out.write(payload);
  }

  private Serialization serialization() {
    if (serialization == null) {
      serialization = SerializationExtension.get(system);
    }
    return serialization;
  }
}
