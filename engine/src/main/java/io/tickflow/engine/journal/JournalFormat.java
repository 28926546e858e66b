package io.tickflow.engine.journal;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.DepthAction;
import io.tickflow.engine.ring.EventType;

/**
 * The journal's on-disk layout. A journal is a directory of segment files
 * ({@code journal-000001.tfj}, …), each a {@value #HEADER_LENGTH}-byte header followed by
 * records, written append-only through a memory mapping:
 *
 * <pre>
 * header:  int magic 'TFJ1' | int version | long schema fingerprint | int segment index
 *          | int segment length | long created (epoch nanos) | zero padding to 64 bytes
 * record:  int payload length (&gt; 0) | int CRC-32C of the payload | payload | zero padding to 8 bytes
 * payload: byte kind (an {@link EventType} ordinal + 1, or {@link #KIND_SESSION}) | fields of that kind
 * </pre>
 *
 * A length of 0 ends a segment's records (the mapping is zero-filled). The length is written
 * last, with release semantics, so a process killed mid-record leaves either nothing visible
 * or a record whose checksum fails with only zeros after it: a torn tail, dropped on reading.
 * A bad record with data after it is corruption and is reported. Enum values are stored as
 * ordinals + 1 (0 for null); the schema fingerprint covers every enum's constant names, so
 * a journal written by a build whose enums differ is refused rather than misread.
 */
final class JournalFormat {
    static final int MAGIC = 0x54464A31;
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 64;
    static final int RECORD_HEADER = 8;
    static final int ALIGNMENT = 8;
    static final byte KIND_SESSION = 0x7F;
    /** Longest text stored with an event (a reject reason, a connection detail); longer text is cut. */
    static final int MAX_TEXT = 1024;
    /** Upper bound of one record, header included: the writer rolls to a new segment when less is left. */
    static final int MAX_RECORD = 4096;
    static final int MIN_SEGMENT = 1 << 16;
    static final int DEFAULT_SEGMENT = 64 << 20;
    static final long FINGERPRINT = fingerprint();

    private JournalFormat() {
    }

    static String segmentName(int index) {
        return String.format("journal-%06d.tfj", index);
    }

    /** The segment index of a file name, or -1 if it is not a segment's. */
    static int segmentIndex(String fileName) {
        if (!fileName.startsWith("journal-") || !fileName.endsWith(".tfj") || fileName.length() != 18) {
            return -1;
        }
        try {
            return Integer.parseInt(fileName.substring(8, 14));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * CRC-32C of {@code length} bytes of {@code view} from {@code offset}; {@code view} is a
     * reader's or writer's own duplicate of the mapping, so no allocation.
     */
    static int checksum(java.util.zip.CRC32C crc, java.nio.ByteBuffer view, int offset, int length) {
        view.clear();
        view.position(offset);
        view.limit(offset + length);
        crc.reset();
        crc.update(view);
        return (int) crc.getValue();
    }

    /** Release/acquire access to a record's length, the field that makes it visible. */
    static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteBufferViewVarHandle(int[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Unmaps a mapping now rather than at some garbage collection, so its file can be cut to
     * size: through {@code sun.misc.Unsafe.invokeCleaner}, the supported way before Java 19's
     * arenas. Returns false (the mapping then goes with the collector) if that is unavailable.
     */
    static boolean unmap(java.nio.MappedByteBuffer buffer) {
        try {
            java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            unsafe.getClass().getMethod("invokeCleaner", java.nio.ByteBuffer.class).invoke(unsafe, buffer);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static int align(int offset) {
        return (offset + ALIGNMENT - 1) & -ALIGNMENT;
    }

    private static long fingerprint() {
        long h = 1125899906842597L;
        Class<?>[] enums = {EventType.class, Side.class, OrderStatus.class, OrderType.class, DepthAction.class,
            CommandKind.class, ConnectionLink.class, ConnectionState.class, ControlAction.class};
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                for (char ch : ((Enum<?>) constant).name().toCharArray()) {
                    h = 31 * h + ch;
                }
                h = 31 * h + ';';
            }
            h = 31 * h + '|';
        }
        return h;
    }
}
