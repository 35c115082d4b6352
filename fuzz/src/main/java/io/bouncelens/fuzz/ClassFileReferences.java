package io.bouncelens.fuzz;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one compiled class refers to, read from its constant pool: the class names and
 * descriptors it mentions and the methods it calls ({@code owner.name}, owner in internal form
 * such as {@code java/lang/String}). javac keeps in the pool only what the code uses, so a call
 * or type that is not here is not in the class. Reading bytecode rather than source means the
 * answer is type-resolved: {@code re2jPattern.split(text)} and {@code text.split(",")} look alike
 * in source but have different owners here.
 *
 * <p>The benchmark uses the string literals too: they are the markers a format decoder scans for.
 *
 * @param sourceFile    the SourceFile attribute (e.g. {@code Foo.java}), or null
 * @param mentions      every UTF-8 constant: class names, descriptors, member names
 * @param methodsCalled every method reference as {@code owner.name}
 * @param literals      the string literals of the code, in pool order
 */
public record ClassFileReferences(String sourceFile, Set<String> mentions, Set<String> methodsCalled,
                                  List<String> literals) {

    private static final int UTF8 = 1, INTEGER = 3, FLOAT = 4, LONG = 5, DOUBLE = 6, CLASS = 7,
            STRING = 8, FIELD_REF = 9, METHOD_REF = 10, INTERFACE_METHOD_REF = 11, NAME_AND_TYPE = 12,
            METHOD_HANDLE = 15, METHOD_TYPE = 16, DYNAMIC = 17, INVOKE_DYNAMIC = 18, MODULE = 19,
            PACKAGE = 20;

    public static ClassFileReferences read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        List<Integer> stringIndexes = new ArrayList<>();
        int[][] memberRefs = new int[count][];
        int[][] nameAndTypes = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF();
                case INTEGER, FLOAT -> in.readInt();
                case LONG, DOUBLE -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                case CLASS -> classNameIndex[i] = in.readUnsignedShort();
                case STRING -> stringIndexes.add(in.readUnsignedShort());
                case METHOD_TYPE, MODULE, PACKAGE -> in.readUnsignedShort();
                case FIELD_REF -> {
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case METHOD_REF, INTERFACE_METHOD_REF ->
                        memberRefs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case NAME_AND_TYPE -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case METHOD_HANDLE -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant-pool tag " + tag + " at " + i);
            }
        }
        Set<String> mentions = new LinkedHashSet<>();
        for (String s : utf8) if (s != null) mentions.add(s);
        Set<String> methods = new LinkedHashSet<>();
        for (int[] ref : memberRefs) {
            if (ref == null) continue;
            String owner = utf8[classNameIndex[ref[0]]];
            String name = utf8[nameAndTypes[ref[1]][0]];
            methods.add(owner + "." + name);
        }
        List<String> literals = new ArrayList<>();
        for (int index : stringIndexes) literals.add(utf8[index]);
        return new ClassFileReferences(sourceFileOf(in, utf8), mentions, methods, literals);
    }

    /** Skips the rest of the class to its attributes and returns the SourceFile one, if any. */
    private static String sourceFileOf(DataInputStream in, String[] utf8) throws IOException {
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        int interfaces = in.readUnsignedShort();
        in.skipNBytes(2L * interfaces);
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
        }
        int attributes = in.readUnsignedShort();
        String sourceFile = null;
        for (int i = 0; i < attributes; i++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("SourceFile".equals(name)) {
                sourceFile = utf8[in.readUnsignedShort()];
                in.skipNBytes(length - 2L);
            } else {
                in.skipNBytes(length);
            }
        }
        return sourceFile;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
