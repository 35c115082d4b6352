package io.bouncelens.decode;

import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

import java.util.Locale;

/**
 * Tells mime4j the media type, boundary and transfer encoding of each entity, reading
 * Content-Type with our own {@link MediaType} (RFC 2231 parameters included). Children of a
 * {@code multipart/digest} default to {@code message/rfc822} (RFC 2046 §5.1.5).
 */
final class PartDescriptorBuilder implements BodyDescriptorBuilder {

    private final String defaultType;
    private MediaType type;
    private String transferEncoding;

    PartDescriptorBuilder() {
        this("text/plain");
    }

    private PartDescriptorBuilder(String defaultType) {
        this.defaultType = defaultType;
    }

    @Override
    public void reset() {
        type = null;
        transferEncoding = null;
    }

    @Override
    public Field addField(RawField field) {
        String name = field.getNameLowerCase();
        if (name.equals("content-type") && type == null) {
            type = MediaType.parse(EncodedWords.unfold(field.getBody()));
        } else if (name.equals("content-transfer-encoding") && transferEncoding == null) {
            transferEncoding = field.getBody().trim().toLowerCase(Locale.ROOT);
        }
        return field;
    }

    @Override
    public BodyDescriptor build() {
        MediaType t = type;
        String mime = t == null ? defaultType : t.type();
        String boundary = t == null ? null : t.parameter("boundary");
        if (mime.startsWith("multipart/") && (boundary == null || boundary.isEmpty())) mime = "text/plain";
        return new Descriptor(mime, t == null ? null : t.parameter("charset"), boundary,
                transferEncoding == null ? "7bit" : transferEncoding);
    }

    @Override
    public BodyDescriptorBuilder newChild() {
        String mime = type == null ? defaultType : type.type();
        return new PartDescriptorBuilder(mime.equals("multipart/digest") ? "message/rfc822" : "text/plain");
    }

    private record Descriptor(String mimeType, String charset, String boundary, String transferEncoding)
            implements BodyDescriptor {

        @Override
        public String getBoundary() {
            return boundary;
        }

        @Override
        public String getMimeType() {
            return mimeType;
        }

        @Override
        public String getMediaType() {
            int slash = mimeType.indexOf('/');
            return slash < 0 ? mimeType : mimeType.substring(0, slash);
        }

        @Override
        public String getSubType() {
            int slash = mimeType.indexOf('/');
            return slash < 0 ? "" : mimeType.substring(slash + 1);
        }

        @Override
        public String getCharset() {
            return charset;
        }

        @Override
        public String getTransferEncoding() {
            return transferEncoding;
        }

        @Override
        public long getContentLength() {
            return -1;
        }
    }
}
