public enum BorderLabVersion { public static let engine = "0.3.0" }
