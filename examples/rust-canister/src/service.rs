//! The ledger's methods (see lib.rs), over the generated modules `ledger`
//! (server) and `sibling` (client) at the crate root.
use crate::{ledger, sibling};
use core::ptr::addr_of_mut;

use ledger::{icrc1_transfer_ret_0 as Transfer, relay_fee_ret_0 as Relay, TransferError as E};
use libcandid::{msg_caller, msg_reject, Arena, Bytes, Call, Ctx, Decoder, Opt, Outcome, Text};

/// As the C ledger (examples/ledger/ledger.h).
const FEE: u64 = 10_000;
const SUPPLY: u64 = 1_000_000_000;
const ERR_FULL: u64 = 1;
const ERR_INVALID_ACCOUNT: u64 = 2;
const MAX_ACCOUNTS: usize = 64;

#[derive(Clone, Copy)]
struct Entry {
    owner: [u8; 29],
    owner_len: usize,
    sub: [u8; 32], // all zero: the default subaccount
    balance: u64,
    used: bool,
}

struct State {
    accounts: [Entry; MAX_ACCOUNTS],
    next_tx: u64,
    relay_busy: bool,
}

const UNUSED: Entry = Entry { owner: [0; 29], owner_len: 0, sub: [0; 32], balance: 0, used: false };
static mut STATE: State = State { accounts: [UNUSED; MAX_ACCOUNTS], next_tx: 0, relay_busy: false };
static mut RELAY: Call = Call::new();
static mut RELAY_TARGET: [u8; 29] = [0; 29];
static mut RELAY_REPLY: [u8; 1024] = [0; 1024];

fn state() -> &'static mut State {
    // SAFETY: a canister runs one message at a time; no reference outlives it.
    unsafe { &mut *addr_of_mut!(STATE) }
}

/// An ICRC-1 account names a principal (at most 29 bytes, which the decoder
/// ensures) and a 32-byte subaccount; null is the all-zero one.
fn valid(owner: &[u8], sub: &Opt<Bytes<'_>>) -> bool {
    owner.len() <= 29 && sub.as_option().map_or(true, |s| s.as_slice().len() == 32)
}

impl State {
    /// The entry of a valid account, created on request; None when there
    /// is none (or no free slot to create it in).
    fn find(&mut self, owner: &[u8], sub: &Opt<Bytes<'_>>, create: bool) -> Option<&mut Entry> {
        let mut key = [0u8; 32];
        if let Opt::Some(s) = sub {
            key.copy_from_slice(s.as_slice());
        }
        let hit = self.accounts.iter().position(|e| e.used && &e.owner[..e.owner_len] == owner && e.sub == key);
        let i = match hit {
            Some(i) => i,
            None if create => {
                let i = self.accounts.iter().position(|e| !e.used)?;
                let e = &mut self.accounts[i];
                *e = UNUSED;
                e.used = true;
                e.owner[..owner.len()].copy_from_slice(owner);
                e.owner_len = owner.len();
                e.sub = key;
                i
            }
            None => return None,
        };
        Some(&mut self.accounts[i])
    }
}

fn generic<'a>(code: u64, message: &'static str) -> ledger::icrc1_transfer_result<'a> {
    let e = ledger::TransferError_GenericError { error_code: code, message: Text::new(message) };
    ledger::icrc1_transfer_result { _0: Transfer::Err(E::GenericError(e)) }
}

struct Ledger;

impl ledger::Service for Ledger {
    /// The installer holds the supply.
    fn init<'a>(_: &ledger::init_args, _: &mut Ctx<'a>) {
        let mut buf = [0u8; 29];
        let caller = msg_caller(&mut buf);
        if let Some(e) = state().find(caller, &Opt::None, true) {
            e.balance = SUPPLY;
        }
    }

    fn icrc1_balance_of<'a>(args: &ledger::icrc1_balance_of_args<'a>, _: &mut Ctx<'a>)
        -> ledger::icrc1_balance_of_result {
        let acc = &args._0;
        let owner = acc.owner.as_slice();
        let e = if valid(owner, &acc.subaccount) { state().find(owner, &acc.subaccount, false) } else { None };
        ledger::icrc1_balance_of_result { _0: e.map_or(0, |e| e.balance) }
    }

    fn icrc1_transfer<'a>(args: &ledger::icrc1_transfer_args<'a>, _: &mut Ctx<'a>)
        -> ledger::icrc1_transfer_result<'a> {
        let t = &args._0;
        let mut buf = [0u8; 29];
        let caller = msg_caller(&mut buf);
        let to = t.to.owner.as_slice();
        if !valid(caller, &t.from_subaccount) || !valid(to, &t.to.subaccount) {
            // ICRC-1 has no case for a malformed account: GenericError, with a
            // code of its own so clients can tell it from a full ledger.
            return generic(ERR_INVALID_ACCOUNT, "invalid account: a subaccount is 32 bytes");
        }
        let s = state();
        let have = s.find(caller, &t.from_subaccount, false).map_or(0, |e| e.balance);
        let err = |e| ledger::icrc1_transfer_result { _0: Transfer::Err(e) };
        if matches!(t.fee, Opt::Some(f) if f != FEE) {
            return err(E::BadFee(ledger::TransferError_BadFee { expected_fee: FEE }));
        }
        if t.amount > u64::MAX - FEE || have < t.amount + FEE {
            return err(E::InsufficientFunds(ledger::TransferError_InsufficientFunds { balance: have }));
        }
        match s.find(to, &t.to.subaccount, true) {
            None => generic(ERR_FULL, "ledger full"),
            Some(dst) => {
                dst.balance += t.amount;
                if let Some(src) = s.find(caller, &t.from_subaccount, false) {
                    src.balance -= t.amount + FEE;
                }
                s.next_tx += 1;
                ledger::icrc1_transfer_result { _0: Transfer::Ok(s.next_tx - 1) }
            }
        }
    }

    /// Asks the canister `args._0` for its fee_info and answers from the
    /// continuation; one relay in flight at a time.
    fn relay_fee<'a>(args: &ledger::relay_fee_args<'a>, ctx: &mut Ctx<'a>) -> ledger::relay_fee_result<'a> {
        let none = ledger::relay_fee_result { _0: Relay::Err(Text::new("")) }; // not replied
        let s = state();
        if s.relay_busy {
            // the call and its target buffer belong to the call in flight
            let _ = ctx.reject("a relay is in flight; try again\0");
            return none;
        }
        // SAFETY: no relay is in flight, so nothing else uses these statics.
        let (call, target) = unsafe { (&mut *addr_of_mut!(RELAY), &mut *addr_of_mut!(RELAY_TARGET)) };
        let p = args._0.as_slice();
        target[..p.len()].copy_from_slice(p);
        call.set_reply_buffer(unsafe { &mut *addr_of_mut!(RELAY_REPLY) });
        // Only Ok means relay_done will answer; on failure nothing was sent.
        match sibling::fee_info_call(call, &target[..p.len()], &sibling::fee_info_args { _empty: 0 }, relay_done) {
            Ok(()) => {
                s.relay_busy = true;
                ctx.defer();
            }
            Err(_) => {
                let _ = ctx.reject("cannot call the sibling\0");
            }
        }
        none
    }
}

fn relay_done(o: &Outcome<'_>) {
    static mut WORK: [u64; 1024] = [0; 1024];
    static mut ARENA: [u8; 1024] = [0; 1024];
    state().relay_busy = false;
    // SAFETY: continuations run one at a time.
    let mut d = Decoder::new(unsafe { &mut *addr_of_mut!(WORK) });
    let mut arena = Arena::new(unsafe { &mut *addr_of_mut!(ARENA) });
    let r = match o {
        Outcome::Reject { message, .. } => Relay::Err(Text::new(message)),
        Outcome::Reply(_) => match sibling::fee_info_reply_decode(&mut d, o, &mut arena) {
            Ok(info) => Relay::Ok(info._0.fee),
            Err(e) => Relay::Err(Text::new(e.status().message())),
        },
    };
    if ledger::relay_fee_reply(&ledger::relay_fee_result { _0: r }).is_err() {
        msg_reject("cannot encode the reply");
    }
}

ledger_serve!(ledger => Ledger);

