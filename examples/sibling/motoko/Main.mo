// A Motoko canister using the C sibling through the generated client
// module (../Sibling.mo, `candid bind --target motoko`). Installed with the
// sibling's canister id as its argument.
import Error "mo:core/Error";
import Text "mo:core/Text";
import Sibling "../Sibling";

persistent actor class Main(siblingId : Text) {
  transient let sibling : Sibling.Service = actor (siblingId);

  public func digest(t : Text) : async Blob {
    await sibling.sha256(Text.encodeUtf8(t));
  };

  public func indexOf(haystack : Text, needle : Text) : async ?Nat {
    await sibling.find(haystack, needle, 0);
  };

  // Encodes the numbers as varints and decodes them again.
  public func roundTrip(xs : [Nat64]) : async Bool {
    let bytes = await sibling.varint_encode(xs);
    switch (await sibling.varint_decode(bytes)) {
      case (#ok ys) ys == xs;
      case (#err _) false;
    };
  };

  // The sibling's answer, or its reject as Motoko receives it.
  public func decode(bytes : Blob) : async Text {
    try {
      switch (await sibling.varint_decode(bytes)) {
        case (#ok xs) "ok: " # debug_show (xs);
        case (#err e) "error: " # debug_show (e);
      };
    } catch (e) {
      "rejected: " # Error.message(e);
    };
  };
};
